/**
 * Test fixture, written by hand from the State Council notices on public holidays
 * (国务院办公厅关于2024年/2025年/2026年部分节假日安排的通知): the holidays that fall on weekdays
 * and the make-up working days (调休上班) on weekends, plus vectors that add working days across them.
 * Used by the core calendar tests and by the chinese-days adapter's test, so both are checked.
 */
import type { CalendarDay } from './calendar.js';

const holidays = (name: string, ...dates: string[]): CalendarDay[] =>
  dates.map((date) => ({ date, kind: 'holiday', name }));
const workdays = (name: string, ...dates: string[]): CalendarDay[] =>
  dates.map((date) => ({ date, kind: 'workday', name: `${name}调休上班` }));

/** Weekday holidays and weekend make-up working days of 2024–2026. */
export const OFFICIAL_2024_2026: readonly CalendarDay[] = [
  // 2024: 春节 2.10–17, 2.4 (Sun) and 2.18 (Sun) worked; 清明 4.4–6, 4.7 (Sun) worked; 劳动节 5.1–5,
  // 4.28 (Sun) and 5.11 (Sat) worked; 端午 6.10; 中秋 9.15–17, 9.14 (Sat) worked; 国庆 10.1–7,
  // 9.29 (Sun) and 10.12 (Sat) worked.
  ...holidays('元旦', '2024-01-01'),
  ...holidays('春节', '2024-02-12', '2024-02-13', '2024-02-14', '2024-02-15', '2024-02-16'),
  ...workdays('春节', '2024-02-04', '2024-02-18'),
  ...holidays('清明', '2024-04-04', '2024-04-05'),
  ...workdays('清明', '2024-04-07'),
  ...holidays('劳动节', '2024-05-01', '2024-05-02', '2024-05-03'),
  ...workdays('劳动节', '2024-04-28', '2024-05-11'),
  ...holidays('端午', '2024-06-10'),
  ...holidays('中秋', '2024-09-16', '2024-09-17'),
  ...workdays('中秋', '2024-09-14'),
  ...holidays('国庆节', '2024-10-01', '2024-10-02', '2024-10-03', '2024-10-04', '2024-10-07'),
  ...workdays('国庆节', '2024-09-29', '2024-10-12'),
  // 2025: 元旦 1.1; 春节 1.28–2.4, 1.26 (Sun) and 2.8 (Sat) worked; 清明 4.4–6; 劳动节 5.1–5,
  // 4.27 (Sun) worked; 端午 5.31–6.2; 国庆·中秋 10.1–8, 9.28 (Sun) and 10.11 (Sat) worked.
  ...holidays('元旦', '2025-01-01'),
  ...holidays('春节', '2025-01-28', '2025-01-29', '2025-01-30', '2025-01-31', '2025-02-03', '2025-02-04'),
  ...workdays('春节', '2025-01-26', '2025-02-08'),
  ...holidays('清明', '2025-04-04'),
  ...holidays('劳动节', '2025-05-01', '2025-05-02', '2025-05-05'),
  ...workdays('劳动节', '2025-04-27'),
  ...holidays('端午', '2025-06-02'),
  ...holidays('国庆节', '2025-10-01', '2025-10-02', '2025-10-03', '2025-10-07', '2025-10-08'),
  ...holidays('中秋', '2025-10-06'),
  ...workdays('国庆节', '2025-09-28', '2025-10-11'),
  // 2026: 元旦 1.1–3, 1.4 (Sun) worked; 春节 2.15–23, 2.14 (Sat) and 2.28 (Sat) worked; 清明 4.4–6;
  // 劳动节 5.1–5, 5.9 (Sat) worked; 端午 6.19–21; 中秋 9.25–27; 国庆 10.1–7, 9.20 (Sun) and 10.10 (Sat) worked.
  ...holidays('元旦', '2026-01-01', '2026-01-02'),
  ...workdays('元旦', '2026-01-04'),
  ...holidays('春节', '2026-02-16', '2026-02-17', '2026-02-18', '2026-02-19', '2026-02-20', '2026-02-23'),
  ...workdays('春节', '2026-02-14', '2026-02-28'),
  ...holidays('清明', '2026-04-06'),
  ...holidays('劳动节', '2026-05-01', '2026-05-04', '2026-05-05'),
  ...workdays('劳动节', '2026-05-09'),
  ...holidays('端午', '2026-06-19'),
  ...holidays('中秋', '2026-09-25'),
  ...holidays('国庆节', '2026-10-01', '2026-10-02', '2026-10-05', '2026-10-06', '2026-10-07'),
  ...workdays('国庆节', '2026-09-20', '2026-10-10'),
];

/** A vector: from an instant (CST wall time), n working days → the last working day of the period. */
export type WorkingDayVector = {
  readonly from: string;
  readonly n: number;
  readonly lastDay: string;
  readonly why: string;
};

/** Working-day vectors across the 2024–2026 holiday weeks. */
export const WORKING_DAY_VECTORS: readonly WorkingDayVector[] = [
  { from: '2024-02-08 10:00', n: 1, lastDay: '2024-02-09', why: '2024 除夕 Friday is a working day' },
  { from: '2024-02-09 10:00', n: 1, lastDay: '2024-02-18', why: '2024 Spring Festival, make-up Sunday 2.18' },
  { from: '2024-02-02 18:00', n: 1, lastDay: '2024-02-04', why: '2024 make-up Sunday 2.4 before the festival' },
  { from: '2024-04-03 09:00', n: 2, lastDay: '2024-04-08', why: '2024 Qingming, make-up Sunday 4.7' },
  { from: '2024-04-30 09:00', n: 1, lastDay: '2024-05-06', why: '2024 Labour Day week' },
  { from: '2024-05-10 09:00', n: 1, lastDay: '2024-05-11', why: '2024 make-up Saturday 5.11' },
  { from: '2024-06-07 09:00', n: 1, lastDay: '2024-06-11', why: '2024 Dragon Boat Monday 6.10' },
  { from: '2024-09-13 09:00', n: 2, lastDay: '2024-09-18', why: '2024 Mid-Autumn, make-up Saturday 9.14' },
  { from: '2024-09-27 09:00', n: 3, lastDay: '2024-10-08', why: '2024 National Day, make-up Sunday 9.29' },
  { from: '2025-01-24 17:00', n: 3, lastDay: '2025-02-05', why: '2025 Spring Festival, make-up Sunday 1.26' },
  { from: '2025-02-07 09:00', n: 1, lastDay: '2025-02-08', why: '2025 make-up Saturday 2.8' },
  { from: '2025-04-03 09:00', n: 1, lastDay: '2025-04-07', why: '2025 Qingming Friday 4.4' },
  { from: '2025-04-25 09:00', n: 5, lastDay: '2025-05-06', why: '2025 Labour Day, make-up Sunday 4.27' },
  { from: '2025-05-30 09:00', n: 1, lastDay: '2025-06-03', why: '2025 Dragon Boat Monday 6.2' },
  { from: '2025-09-26 09:00', n: 4, lastDay: '2025-10-09', why: '2025 National Day + Mid-Autumn, make-up Sunday 9.28' },
  { from: '2025-10-09 09:00', n: 2, lastDay: '2025-10-11', why: '2025 make-up Saturday 10.11' },
  { from: '2025-12-31 09:00', n: 1, lastDay: '2026-01-04', why: '2026 New Year, make-up Sunday 1.4' },
  { from: '2026-02-13 09:00', n: 1, lastDay: '2026-02-14', why: '2026 make-up Saturday 2.14' },
  { from: '2026-02-14 09:00', n: 1, lastDay: '2026-02-24', why: '2026 Spring Festival 2.15–23' },
  { from: '2026-02-27 09:00', n: 1, lastDay: '2026-02-28', why: '2026 make-up Saturday 2.28' },
  { from: '2026-04-03 09:00', n: 1, lastDay: '2026-04-07', why: '2026 Qingming Monday 4.6' },
  { from: '2026-04-30 09:00', n: 2, lastDay: '2026-05-07', why: '2026 Labour Day 5.1–5' },
  { from: '2026-05-08 09:00', n: 1, lastDay: '2026-05-09', why: '2026 make-up Saturday 5.9' },
  { from: '2026-06-18 09:00', n: 1, lastDay: '2026-06-22', why: '2026 Dragon Boat Friday 6.19' },
  { from: '2026-09-18 09:00', n: 1, lastDay: '2026-09-20', why: '2026 make-up Sunday 9.20' },
  { from: '2026-09-24 09:00', n: 1, lastDay: '2026-09-28', why: '2026 Mid-Autumn Friday 9.25' },
  { from: '2026-09-30 09:00', n: 1, lastDay: '2026-10-08', why: '2026 National Day 10.1–7' },
  { from: '2026-10-09 09:00', n: 1, lastDay: '2026-10-10', why: '2026 make-up Saturday 10.10' },
];

// Aggregate figures from other systems (e.g. crimes per 10,000 residents), one number per indicator, region
// and period. The file has exactly these columns: a figure, never a record about a person.
import { dayNumber, isoDateOf, type IsoDate } from '../deadline/cst.js';
import { PERIOD_KINDS, type PeriodKind, periodOf } from '../kpi/period.js';

export const INDICATOR_CSV_COLUMNS = ['indicator', 'region', 'period', 'date', 'value'] as const;
export const MAX_INDICATOR_ROWS = 20_000;

export type IndicatorRow = {
  line: number;
  indicator: string;
  region: string;
  period: PeriodKind;
  date: IsoDate;
  value: number;
};
export type RejectedLine = { line: number; message: string };

const isCalendarDate = (d: string) => {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(d)) return false;
  try {
    return isoDateOf(dayNumber(d)) === d;
  } catch {
    return false; // dayNumber refuses 2026-02-30
  }
};
const unquote = (f: string) =>
  f
    .trim()
    .replace(/^"(.*)"$/, '$1')
    .trim();

/** One line's figure, or why it is refused. */
function parseLine(fields: string[], line: number): IndicatorRow | RejectedLine {
  if (fields.length !== INDICATOR_CSV_COLUMNS.length)
    return {
      line,
      message: `expected ${INDICATOR_CSV_COLUMNS.length} fields (${INDICATOR_CSV_COLUMNS.join(',')}), found ${fields.length}`,
    };
  const [indicator, region, period, date, value] = fields as [string, string, string, string, string];
  if (!/^[a-z][a-z0-9_]{1,39}$/.test(indicator))
    return { line, message: `indicator "${indicator.slice(0, 40)}": 2–40 lower-case letters, digits or _` };
  if (!/^\d{2,18}$/.test(region)) return { line, message: `region "${region.slice(0, 20)}" is not a region code` };
  if (!(PERIOD_KINDS as readonly string[]).includes(period))
    return { line, message: `period "${period.slice(0, 20)}": one of ${PERIOD_KINDS.join(', ')}` };
  if (!isCalendarDate(date) || date < '2000-01-01' || date > '2100-12-31')
    return { line, message: `date "${date.slice(0, 20)}" is not a calendar date (YYYY-MM-DD, 2000–2100)` };
  const n = value === '' ? Number.NaN : Number(value);
  if (!Number.isFinite(n)) return { line, message: `value "${value.slice(0, 20)}" is not a number` };
  return { line, indicator, region, period: period as PeriodKind, date: date as IsoDate, value: n };
}

/**
 * Reads `indicator,region,period,date,value` lines (a header line first; `date` is any day inside the
 * period). Every line is either a figure or a refusal with its line number; blank lines are skipped.
 */
export function parseIndicatorCsv(text: string): { rows: IndicatorRow[]; rejected: RejectedLine[] } {
  const lines = text.replace(/^\uFEFF/, '').split(/\r?\n/);
  const header = (lines[0] ?? '').split(',').map((h) => unquote(h).toLowerCase());
  if (header.join(',') !== INDICATOR_CSV_COLUMNS.join(','))
    return {
      rows: [],
      rejected: [
        {
          line: 1,
          message: `the first line must be ${INDICATOR_CSV_COLUMNS.join(',')} (figures only, nothing about people)`,
        },
      ],
    };
  const rows: IndicatorRow[] = [];
  const rejected: RejectedLine[] = [];
  const seen = new Map<string, number>();
  for (const [i, text] of lines.entries()) {
    if (i === 0 || text.trim() === '') continue;
    const line = i + 1;
    if (rows.length + rejected.length >= MAX_INDICATOR_ROWS) {
      rejected.push({ line, message: `more than ${MAX_INDICATOR_ROWS} lines: split the file` });
      break;
    }
    const r = parseLine(text.split(',').map(unquote), line);
    if ('message' in r) {
      rejected.push(r);
      continue;
    }
    // Two days of one period name the same figure.
    const key = `${r.indicator}|${r.region}|${r.period}|${periodOf(r.period, r.date).from.toISOString()}`;
    if (seen.has(key)) rejected.push({ line, message: `the same figure as line ${seen.get(key)}` });
    else {
      seen.set(key, line);
      rows.push(r);
    }
  }
  return { rows, rejected };
}

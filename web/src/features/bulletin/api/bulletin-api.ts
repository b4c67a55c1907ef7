import { queryOptions } from '@tanstack/react-query';
import type { MonthlyBulletin } from '../../../api/contract-types.js';
import { http } from '../../../api/http-client.js';

export type BulletinQuery = { month: string; region?: string };

const search = (q: BulletinQuery) => new URLSearchParams({ month: q.month, ...(q.region ? { region: q.region } : {}) });

export const fetchBulletin = (q: BulletinQuery, signal?: AbortSignal) =>
  http.get<MonthlyBulletin>('/api/kpi/bulletin', q, signal);

/** The same bulletin as a workbook: a plain link, so the browser downloads it with the session cookie. */
export const bulletinWorkbookUrl = (q: BulletinQuery) => `/api/kpi/bulletin/workbook?${search(q)}`;

export const bulletinQuery = (q: BulletinQuery) =>
  queryOptions({ queryKey: ['kpi', 'bulletin', q], queryFn: ({ signal }) => fetchBulletin(q, signal) });

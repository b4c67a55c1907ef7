import { queryOptions } from '@tanstack/react-query';
import { http } from '../../../api/http-client.js';
import { newIdempotencyKey } from '../../../api/new-key.js';

type Words = { zh: string; en: string };

/** What the portal shows of a case (see src/contract/public.ts PublicCaseView). */
export interface PublicCase {
  trackingCode: string;
  kind: string;
  categoryName: Words;
  status: string;
  statusText: Words;
  receivedAt: string;
  unit: { name: string; level: number; levelName: Words } | null;
  deadline: string | null;
  deadlineProvisional: boolean;
  timeline: { type: string; text: Words; at: string; unitName: string | null }[];
  outcome: { kind: string; text: Words; summary: string } | null;
  urges: { total: number; today: boolean };
  canUrge: boolean;
  canEvaluate: boolean;
  evaluation: { rating: string; at: string } | null;
}

export interface PublicRegion {
  code: string;
  name: string;
  level: number;
  hasChildren: boolean;
}
export interface PublicCategory {
  code: string;
  parentCode: string | null;
  nameZh: string;
  nameEn: string;
}
export interface ResidentKey {
  code: string;
  phoneLast4: string;
}

export interface PublicSubmission {
  kind: string;
  categoryCode: string;
  regionCode: string;
  description: string;
  point?: { lat: number; lng: number };
  address?: string;
  contact: { name: string; phone: string };
  website?: string;
}

/** The residents' portal API: no session; the code and the phone's last four digits are the key. */
export const publicApi = {
  formToken: () => http.get<{ token: string; minSubmitSeconds: number }>('/api/public/form-token'),
  categories: () => http.get<PublicCategory[]>('/api/public/categories'),
  regions: (parent?: string) => http.get<PublicRegion[]>('/api/public/regions', { parent }),
  submit: (body: PublicSubmission & { formToken: string }, key = newIdempotencyKey()) =>
    http.post<{ trackingCode: string }>('/api/public/cases', body, { 'Idempotency-Key': key }),
  track: (key: ResidentKey) => http.post<PublicCase>('/api/public/track', key),
  urge: (key: ResidentKey, note?: string) => http.post<PublicCase>('/api/public/urge', { ...key, note }),
  evaluate: (key: ResidentKey, rating: string, comment?: string) =>
    http.post<PublicCase>('/api/public/evaluate', { ...key, rating, comment }),
};

export const publicKeys = { all: ['public'] as const };
export const publicCategoriesQuery = () =>
  queryOptions({ queryKey: [...publicKeys.all, 'categories'], queryFn: publicApi.categories });
export const publicRegionsQuery = (parent?: string) =>
  queryOptions({ queryKey: [...publicKeys.all, 'regions', parent ?? null], queryFn: () => publicApi.regions(parent) });
/** One token per filling-in of the form (`round`): the server wants it to have been fetched some seconds before sending. */
export const formTokenQuery = (round: number) =>
  queryOptions({
    queryKey: [...publicKeys.all, 'form-token', round],
    queryFn: publicApi.formToken,
    staleTime: Number.POSITIVE_INFINITY,
  });

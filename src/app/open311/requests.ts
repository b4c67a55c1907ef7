import type { Deps } from '../deps.js';
import { reviveState } from '../../core/case/index.js';
import { DomainError, notFound } from '../../core/errors.js';
import { maskAddress } from '../../core/party/mask.js';
import { systemScope } from '../../storage/db.js';
import { CLOSED_STATUSES, caseByToken, publicRequests } from '../../storage/open311.repo.js';
import { outcomeWords, statusWords } from '../public/public-words.js';

/** A GeoReport v2 service request as published: no party, no free text written by people. */
export type ServiceRequest = {
  service_request_id: string;
  status: 'open' | 'closed';
  status_notes: string;
  service_name: string;
  service_code: string;
  description: string;
  agency_responsible: string;
  service_notice: string;
  requested_datetime: string;
  updated_datetime: string;
  expected_datetime: string;
  address: string;
  address_id: string;
  zipcode: string;
  lat: number | null;
  long: number | null;
  media_url: string;
};

export type RequestsQuery = {
  service_request_id?: string;
  service_code?: string;
  start_date?: string;
  end_date?: string;
  status?: string;
};

const DAY = 86_400_000;

/** A W3C date-time in China Standard Time (+08:00), as the spec asks (an offset must be included). */
export const w3c = (d: Date | string | null): string => {
  if (d === null) return '';
  return `${new Date(new Date(d).getTime() + 8 * 3_600_000).toISOString().slice(0, 19)}+08:00`;
};

/**
 * GET requests: by ids (comma-separated; other filters then ignored, as the spec says), else by
 * service codes, dates and status; by default the last 90 days and at most 1,000 results. Always
 * within `underPath` when the caller named a jurisdiction (see jurisdictionPath).
 */
export async function listRequests(deps: Deps, q: RequestsQuery, underPath?: string): Promise<ServiceRequest[]> {
  const now = deps.clock.now();
  const ids = q.service_request_id
    ? q.service_request_id.split(',').map((s) => (/^\d{1,15}$/.test(s) ? Number(s) : -1))
    : undefined;
  const to = q.end_date ? date(q.end_date, 'end_date') : now;
  const from = q.start_date ? date(q.start_date, 'start_date') : new Date(to.getTime() - 90 * DAY);
  const statuses = q.status?.split(',').filter(Boolean) ?? [];
  if (statuses.some((s) => s !== 'open' && s !== 'closed'))
    throw new DomainError('ValidationFailed', 'status is open, closed or both (comma-separated)');
  const closed = statuses.length === 1 ? statuses[0] === 'closed' : undefined;
  const rows = await deps.db.tx(systemScope, (trx) =>
    publicRequests(trx, {
      ids,
      serviceCodes: q.service_code?.split(',').filter(Boolean),
      from,
      to,
      closed,
      underPath,
      limit: 1000,
    }),
  );
  return rows.map(present);
}

/** GET requests/{id}: one request in a one-element list, or 404. */
export async function getRequest(deps: Deps, id: string, underPath?: string): Promise<ServiceRequest[]> {
  const found = /^\d{1,15}$/.test(id) ? await listRequests(deps, { service_request_id: id }, underPath) : [];
  if (found.length === 0) throw notFound('service_request_id', id);
  return found;
}

/** GET tokens/{token}: the request a token became. */
export async function tokenStatus(
  deps: Deps,
  token: string,
  underPath?: string,
): Promise<{ service_request_id: string; token: string }[]> {
  const r = /^[A-Za-z0-9_-]{8,64}$/.test(token)
    ? await deps.db.tx(systemScope, (trx) => caseByToken(trx, token))
    : undefined;
  if (!r || (underPath && !r.region_path.startsWith(underPath))) throw notFound('token', token);
  return [{ service_request_id: String(r.case_id), token: r.token }];
}

/**
 * A W3C date-time as the spec's filters take it: date, time and an offset (Z or ±hh:mm), each part
 * in its calendar range (no 30 February, no hour 24), years 1900–9999; anything else is a 400.
 */
function date(raw: string, field: string): Date {
  // an unencoded '+' of an offset arrives as a space in a query string; read it as meant
  const text = raw.replace(/ (\d{2}:\d{2})$/, '+$1');
  const m = /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2})(?::(\d{2})(\.\d{1,9})?)?(Z|([+-])(\d{2}):(\d{2}))$/.exec(text);
  const n = (i: number) => Number(m?.[i] ?? 0);
  const valid =
    m !== null &&
    n(1) >= 1900 &&
    n(2) >= 1 &&
    n(2) <= 12 &&
    n(3) >= 1 &&
    n(3) <= new Date(Date.UTC(n(1), n(2), 0)).getUTCDate() &&
    n(4) <= 23 &&
    n(5) <= 59 &&
    n(6) <= 59 &&
    n(10) <= 14 &&
    n(11) <= 59;
  if (!valid)
    throw new DomainError('ValidationFailed', `${field} must be a W3C date-time, e.g. 2026-03-01T00:00:00+08:00`, {
      field,
    });
  return new Date(text);
}

type Row = Awaited<ReturnType<typeof publicRequests>>[number];

function present(r: Row): ServiceRequest {
  const state = reviveState(r.state);
  const closed = (CLOSED_STATUSES as readonly string[]).includes(r.status);
  const outcome = state.outcome ? ` · ${outcomeWords[state.outcome.kind]?.zh ?? ''}` : '';
  const round = (x: number | null) => (x === null ? null : Math.round(x * 1000) / 1000);
  return {
    service_request_id: String(r.id),
    status: closed ? 'closed' : 'open',
    status_notes: `${statusWords[state.status].zh}${outcome}`,
    service_name: r.name_zh,
    service_code: r.category_code,
    // Free text and parties stay in the workbench: residents' descriptions may name people.
    description: '',
    agency_responsible: r.unit_name ?? '',
    service_notice: '',
    requested_datetime: w3c(r.received_at),
    updated_datetime: w3c(r.updated_at),
    // the handling deadline: when the request should be resolved (not the current stage's)
    expected_datetime: w3c((r.expected_at as Date | null) ?? null),
    address: r.address ? maskAddress(r.address) : '',
    address_id: '',
    zipcode: '',
    lat: round(r.lat),
    long: round(r.lng),
    media_url: '',
  };
}

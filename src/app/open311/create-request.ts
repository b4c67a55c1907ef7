import { randomBytes } from 'node:crypto';
import type { Deps } from '../deps.js';
import type { SubmitCaseInput } from '../../contract/cases.js';
import { covers } from '../../core/auth/actor.js';
import { DomainError } from '../../core/errors.js';
import { systemScope } from '../../storage/db.js';
import { insertOpen311Request, tokenOf } from '../../storage/open311.repo.js';
import type { PartnerKey } from '../../storage/partner-keys.repo.js';
import { submitCase } from '../cases/submit-case.js';
import { serviceActor } from '../public/public-actor.js';
import { countyCentreFor } from '../public/receiving-centre.js';
import { listServices } from './services.js';
import { ensurePointInJurisdiction } from './point-check.js';
import { applicant, extrasNote, keptExtras, type PostedExtras, type PostedRequest, titleOf } from './request-fields.js';

export type { PostedExtras, PostedRequest };
export type CreatedRequest = { service_request_id: string; token: string; service_notice: string; account_id: string };

/**
 * POST requests from a partner system: the key's channel becomes the case's channel, the region is
 * `jurisdiction_id` (a region code inside the key's jurisdiction) or the key's own region, and a
 * point must lie in the key's jurisdiction. The case enters through the one intake use case,
 * registered by the partner acting for the county centre (audited as `partner:<key id>`), and its
 * token and the client's extras (attributes, media) are stored in that same transaction. A hazard
 * category files a hazard, a court or police transfer a dispute, anything else an appeal.
 */
export async function createRequest(
  deps: Deps,
  key: PartnerKey,
  p: PostedRequest,
  requestId: string | null,
  idempotencyKey?: string,
  extras: PostedExtras = { attributes: {}, files: [] },
): Promise<CreatedRequest[]> {
  const service = (await listServices(deps)).find((s) => s.service_code === p.service_code);
  if (!p.service_code) throw new DomainError('ValidationFailed', 'service_code is required');
  if (!service) throw new DomainError('NotFound', `service_code ${p.service_code} not found`);
  const point = pointOf(p);
  if (!point && !p.address_string?.trim())
    throw new DomainError('ValidationFailed', 'a location is required: lat and long, or address_string');
  const regionCode = p.jurisdiction_id?.trim() || key.regionCode;
  const { regionPath, centre } = await countyCentreFor(deps, regionCode);
  if (!covers({ scopePath: key.regionPath }, regionPath))
    throw new DomainError('Forbidden', "jurisdiction_id lies outside this key's jurisdiction");
  if (point) await ensurePointInJurisdiction(deps, key, point);
  const parties = applicant(p);
  const kept = keptExtras(p, extras);
  const text = (p.description?.trim() || service.service_name).slice(0, 4000).padEnd(2, '。');
  const ctx = { deps, actor: serviceActor(`partner:${key.id}`, key.name, centre, key.regionPath), requestId };
  const input: SubmitCaseInput = {
    kind: service.service_code.startsWith('hazard') ? 'hazard' : key.channel === 'transfer' ? 'dispute' : 'appeal',
    channel: key.channel,
    title: titleOf(text),
    description: `${text}${extrasNote(kept)}`,
    categoryCode: service.service_code,
    complexity: 'general',
    regionCode,
    point,
    address: p.address_string?.trim().slice(0, 200) || undefined,
    transfer: key.transferSource
      ? { source: key.transferSource, reference: (p.account_id || p.device_id || 'open311').slice(0, 100) }
      : undefined,
    parties,
    attachments: [],
  };
  // The token is stored in the intake's own transaction, with the case and its audit record.
  let issued: { caseId: number; token: string } | undefined;
  const detail = await submitCase(
    ctx,
    input,
    `key${key.id}:${idempotencyKey ?? randomBytes(12).toString('base64url')}`,
    {
      inTransaction: async (trx, caseId) => {
        const token = randomBytes(12).toString('base64url');
        const at = deps.clock.now();
        await insertOpen311Request(trx, { caseId, token, partnerKeyId: key.id, regionPath, at, attributes: kept });
        issued = { caseId, token };
      },
    },
  );
  // A retry with the same idempotency key (or the loser of a race between two) gets the first case,
  // whose token was issued with it.
  const token =
    issued?.caseId === detail.id ? issued.token : await deps.db.tx(systemScope, (trx) => tokenOf(trx, detail.id));
  if (!token) throw new DomainError('Conflict', `case ${detail.id} was not filed through Open311`);
  return [
    {
      service_request_id: String(detail.id),
      token,
      service_notice: `查询码 ${detail.trackingCode}（凭查询码和手机后四位查询进度）`,
      account_id: p.account_id ?? '',
    },
  ];
}

function pointOf(p: PostedRequest): { lat: number; lng: number } | undefined {
  if (p.lat === undefined && p.long === undefined) return undefined;
  const lat = Number(p.lat),
    lng = Number(p.long);
  if (!Number.isFinite(lat) || !Number.isFinite(lng) || Math.abs(lat) > 90 || Math.abs(lng) > 180)
    throw new DomainError('ValidationFailed', 'lat and long must be WGS84 degrees');
  return { lat, lng };
}

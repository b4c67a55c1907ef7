import type { Tx } from '../../storage/db.js';
import type { Ctx } from '../context.js';
import type { CaseDetail, Party } from '../../contract/cases.js';
import { availableActions, reviveState, type ActionName, type CaseState } from '../../core/case/index.js';
import { notFound } from '../../core/errors.js';
import { maskAddress, maskEmail, maskIdNumber, maskPhone } from '../../core/party/mask.js';
import { caseRow, eventRows, linkRows, namesOf, stagesAndCards, type Names } from '../../storage/case-views.repo.js';
import { partiesOf, type StoredParty } from '../../storage/parties.repo.js';
import type { FieldCrypto } from '../crypto/field-cipher.js';
import { caseActor } from './case-actor.js';
import { pendingStagesOf } from '../../storage/extension-requests.repo.js';
import { extensionLeft, type StageClock } from '../../core/deadline/stage-clock.js';
import { worstColour } from '../../core/deadline/cards.js';
import { clusterSize } from '../../core/repeat/cluster.js';
import { mayRequestExtension } from '../deadlines/extension-offer.js';

const iso = (d: Date | string | null) => (d === null ? null : new Date(d).toISOString());
/** The earliest deadline of some running clocks (null dues are clocks that stand still) and whether it is provisional. */
function nextDeadline(clocks: readonly StageClock[]): { dueAt: string | null; provisional: boolean } {
  const next = clocks.reduce<StageClock | null>(
    (min, c) => (c.due !== null && (min === null || c.due < min.due!) ? c : min),
    null,
  );
  return { dueAt: iso(next?.due ?? null), provisional: next?.provisional ?? false };
}

/** The whole case as staff see it: masked parties, timeline with names, assignments, and the caller's actions. */
export async function caseDetail(trx: Tx, ctx: Ctx, id: number, opts: { reveal?: boolean } = {}): Promise<CaseDetail> {
  const row = await caseRow(trx, id);
  if (!row) throw notFound('case', id);
  const state = reviveState(row.state);
  const [events, parties, links, timed, pending] = await Promise.all([
    eventRows(trx, id),
    partiesOf(trx, id),
    linkRows(trx, id),
    stagesAndCards(trx, id),
    pendingStagesOf(trx, id),
  ]);
  // A burst's size is a count: it includes cases outside the caller's jurisdiction, which it does not name.
  const clusterLinks = links.all.filter((l) => l.kind === 'cluster').length;
  const unitIds = [
    state.centre.unitId,
    ...state.assignments.map((a) => a.unitId),
    ...events.map((e) => Number(e.actor_unit_id ?? 0)),
  ].filter((n) => n > 0);
  const names = await namesOf(
    trx,
    events.map((e) => Number(e.actor_user_id ?? 0)).filter((n) => n > 0),
    unitIds,
  );
  const unit = (unitId: number) => ({
    id: unitId,
    name: names.units.get(unitId)?.name ?? `#${unitId}`,
    level: names.units.get(unitId)?.level ?? 0,
    typeCode: names.units.get(unitId)?.typeCode ?? '',
  });
  return {
    id: Number(row.id),
    trackingCode: row.tracking_code,
    kind: row.kind as CaseDetail['kind'],
    channel: row.channel as CaseDetail['channel'],
    complexity: row.complexity as CaseDetail['complexity'],
    categoryCode: row.category_code,
    regionCode: row.region_code,
    regionName: row.region_name,
    title: row.title,
    status: state.status,
    version: state.version,
    leadUnit: row.lead_unit_id ? unit(Number(row.lead_unit_id)) : null,
    receivedAt: iso(row.received_at)!,
    updatedAt: iso(row.updated_at)!,
    repeatOf: row.repeat_of === null ? null : Number(row.repeat_of),
    sentBackCount: state.counters.sendBacks,
    clusterSize: clusterSize(clusterLinks),
    ...nextDeadline(timed.stages.filter((x) => x.completedAt === null).map((x) => x.clock)),
    card: worstColour(timed.cards.filter((x) => x.cleared_at === null).map((x) => x.colour)),
    description: row.description,
    address: row.address,
    point: row.lat !== null && row.lng !== null ? { lat: row.lat, lng: row.lng } : null,
    transfer: row.transfer_source
      ? { source: row.transfer_source as 'court', reference: row.transfer_ref ?? '' }
      : null,
    attachments: row.attachments as CaseDetail['attachments'],
    centre: unit(state.centre.unitId),
    parties: parties.map((p) => presentParty(p, ctx.deps.crypto, opts.reveal === true)),
    assignments: state.assignments.map((a) => ({
      seq: a.seq,
      unit: unit(a.unitId),
      role: a.role,
      state: a.state,
      task: a.task,
      reply: a.reply,
      assignedAt: iso(a.assignedAt)!,
      signedAt: iso(a.signedAt),
      endedAt: iso(a.endedAt),
      stages: timed.stages
        .filter((x) => x.seq === a.seq)
        .map((x) => ({
          stage: x.stage,
          startAt: iso(x.clock.start)!,
          dueAt: iso(x.clock.due),
          completedAt: iso(x.completedAt),
          provisional: x.clock.provisional,
          extensionLeft: extensionLeft(x.clock, x.policy),
          canRequestExtension: mayRequestExtension(ctx.actor, x, pending.has(`${x.seq}:${x.stage}`)),
        })),
      cards: timed.cards
        .filter((x) => x.seq === a.seq)
        .map((x) => ({
          stage: x.stage,
          colour: x.colour,
          issuedAt: iso(x.issued_at)!,
          clearedAt: iso(x.cleared_at),
        })),
    })),
    timeline: events.map((e) => timelineEntry(e, names)),
    outcome: (state.outcome as Record<string, unknown> | null) ?? null,
    counters: state.counters,
    links: links.readable.map((l) => ({
      caseId: Number(l.related_id),
      kind: l.kind,
      trackingCode: l.tracking_code ?? null,
    })),
    linksElsewhere: links.elsewhere,
    availableActions: availableFor(state, ctx),
  };
}

function availableFor(state: CaseState, ctx: Ctx): ActionName[] {
  return ctx.actor.userId > 0 ? availableActions(state, caseActor(ctx.actor)) : [];
}

function timelineEntry(e: Awaited<ReturnType<typeof eventRows>>[number], names: Names) {
  const userId = e.actor_user_id === null ? null : Number(e.actor_user_id);
  const unitId = e.actor_unit_id === null ? null : Number(e.actor_unit_id);
  const unitName = unitId === null ? null : (names.units.get(unitId)?.name ?? null);
  return {
    version: Number(e.version),
    type: e.type,
    at: iso(e.at)!,
    fromStatus: e.from_status as CaseDetail['status'] | null,
    toStatus: e.to_status as CaseDetail['status'],
    reason: e.reason,
    data: e.data,
    // user 0 is the system acting for a centre (automatic dispatch, owed escalation)
    actor: { userId, name: userId === null ? '系统' : (names.users.get(userId) ?? `#${userId}`), unitId, unitName },
  };
}

/** A party with contact data masked, or in full when the caller asked with a reason (audited by the caller). */
export function presentParty(p: StoredParty, crypto: FieldCrypto, reveal: boolean): Party {
  const open = (v: string | null) => (v === null ? null : crypto.decrypt(v));
  const phone = open(p.phoneEnc),
    idNumber = open(p.idNumberEnc),
    address = open(p.addressEnc),
    email = open(p.emailEnc);
  return {
    id: p.id,
    role: p.role,
    name: p.name,
    masked: !reveal,
    phone: phone && (reveal ? phone : maskPhone(phone)),
    idNumber: idNumber && (reveal ? idNumber : maskIdNumber(idNumber)),
    address: address && (reveal ? address : maskAddress(address)),
    email: email && (reveal ? email : maskEmail(email)),
  };
}

import type { Tx } from '../../storage/db.js';
import type { PublicCaseView } from '../../contract/public.js';
import { reviveState, type CaseState } from '../../core/case/index.js';
import { cstDateOf } from '../../core/deadline/cst.js';
import { eventRows, namesOf } from '../../storage/case-views.repo.js';
import { categoryNames, currentDeadline, urgesOf } from '../../storage/public-cases.repo.js';
import type { ResidentCase } from './resident-lookup.js';
import { eventText, levelWords, outcomeWords, residentRatingWords, statusWords, URGEABLE } from './public-words.js';

const iso = (d: Date | string) => new Date(d).toISOString();

/**
 * What a resident sees of their case. Deliberately a whitelist: status in plain words, the unit
 * and its level, the deadline, event types with times and unit names, the outcome's public text.
 * No staff names, no parties (not even the resident's own), no tasks, replies or notes.
 */
export async function publicView(trx: Tx, row: ResidentCase, now: Date): Promise<PublicCaseView> {
  const state = reviveState(row.state);
  const caseId = Number(row.id);
  const [events, deadline, urges, category] = await Promise.all([
    eventRows(trx, caseId),
    currentDeadline(trx, caseId),
    urgesOf(trx, caseId),
    categoryNames(trx, row.category_code),
  ]);
  const unitId =
    state.assignments.find((a) => a.role === 'lead' && (a.state === 'open' || a.state === 'signed'))?.unitId ??
    state.centre.unitId;
  const names = await namesOf(
    trx,
    [],
    [unitId, ...events.map((e) => Number(e.actor_unit_id ?? 0)).filter((n) => n > 0)],
  );
  const unit = names.units.get(unitId);
  const today = cstDateOf(now);
  const urgedToday = urges.some(
    (u) => String(u.urged_on).slice(0, 10) === today || cstDateOf(new Date(u.at)) === today,
  );
  const evaluation = state.evaluations.filter((e) => e.by === 'resident').at(-1);
  return {
    trackingCode: row.tracking_code,
    kind: state.kind,
    status: state.status,
    statusText: statusWords[state.status],
    categoryName: { zh: category?.name_zh ?? row.category_code, en: category?.name_en ?? row.category_code },
    receivedAt: iso(row.received_at),
    unit: unit ? { name: unit.name, level: unit.level, levelName: levelWords[unit.level] ?? { zh: '', en: '' } } : null,
    deadline: deadline ? deadline.due.toISOString() : null,
    deadlineProvisional: deadline?.provisional ?? false,
    timeline: events.map((e) => {
      // The centre records a portal rating for the resident; the resident sees it as their own, not the centre's.
      const byResident = e.type === 'evaluated' && (e.data as { by?: string }).by === 'resident';
      return {
        type: e.type,
        at: iso(e.at),
        text: byResident ? residentRatingWords : eventText(e.type),
        unitName:
          byResident || e.actor_unit_id === null ? null : (names.units.get(Number(e.actor_unit_id))?.name ?? null),
      };
    }),
    outcome: outcomeOf(state),
    urges: { total: urges.length, today: urgedToday },
    canUrge: URGEABLE.includes(state.status) && !urgedToday,
    canEvaluate: state.status === 'resolved',
    evaluation: evaluation ? { rating: evaluation.rating, at: iso(evaluation.at) } : null,
  };
}

/** The outcome's kind and the text written for the applicant (a summary, or the reason for not accepting). */
function outcomeOf(state: CaseState): PublicCaseView['outcome'] {
  const o = state.outcome;
  if (!o) return null;
  return {
    kind: o.kind,
    text: outcomeWords[o.kind] ?? { zh: o.kind, en: o.kind },
    summary: o.kind === 'not_accepted' ? o.reason : o.summary,
  };
}

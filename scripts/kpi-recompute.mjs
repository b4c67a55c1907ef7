#!/usr/bin/env node
// Recomputes every KPI figure and signal from an events export (GET /api/kpi/events?format=ndjson or
// `civicgrid export events`), written from the definitions in docs/kpi.md alone: it imports nothing of
// civicgrid, so a figure the platform reports can be checked by anyone who has the export.
//
//   node scripts/kpi-recompute.mjs [export.ndjson]        (standard input without a file)
//
// The period and the as-of instant come from the export's first line. Prints JSON:
// { period, asOf, figures: [{ id, numerator, denominator }], signals: [...] }.
import { readFileSync } from 'node:fs';

const DAY_MS = 86_400_000;
const CST_MS = 8 * 3_600_000;
const TOWNSHIP_LEVEL = 4;
const CLOCK_RESET_MS = 30 * DAY_MS;
const INSTANT_EVALUATION_MS = 10 * 60_000;

const text = readFileSync(process.argv[2] ?? 0, 'utf8');
const lines = text
  .split('\n')
  .filter((l) => l.trim())
  .map((l) => JSON.parse(l));
const header = lines.find((l) => l.record === 'export');
if (!header) throw new Error('not a civicgrid events export: its first line is the export header');
const from = Date.parse(header.data.from);
const to = Date.parse(header.data.to);
const asOf = Date.parse(header.at);
const inPeriod = (t) => t !== null && t >= from && t < to;
const known = (t) => t !== null && t < asOf;
const ms = (iso) => (iso ? Date.parse(iso) : null);

// The calendar: CST days the export lists as working.
const workingDays = new Set(lines.filter((l) => l.record === 'day' && l.type === 'working').map((l) => l.at));
const cstDay = (t) => new Date(Math.floor((t + CST_MS) / DAY_MS) * DAY_MS).toISOString().slice(0, 10);
/** Working days between two instants: the parts of them that fall on working CST days. */
function workingDaysBetween(a, b) {
  let total = 0;
  for (let start = Math.floor((a + CST_MS) / DAY_MS) * DAY_MS - CST_MS; start < b; start += DAY_MS) {
    if (!workingDays.has(cstDay(start))) continue;
    total += Math.min(b, start + DAY_MS) - Math.max(a, start);
  }
  return total / DAY_MS;
}

// Each case's story, read from its events in version order.
const cases = new Map();
for (const l of lines.filter((x) => x.record === 'case'))
  cases.set(l.case_id, { id: l.case_id, repeatOf: l.data.repeatOf, events: [] });
for (const l of lines.filter((x) => x.record === 'event')) cases.get(l.case_id).events.push(l);
const stories = [...cases.values()].map(story);

function story(c) {
  const events = c.events.sort((a, b) => a.version - b.version);
  const received = events[0];
  const s = {
    id: c.id,
    kind: received.data.kind,
    repeatOf: c.repeatOf,
    receivedAt: ms(received.at),
    firstDispatchedAt: null,
    leads: [], // units given the lead, in order: { unitId, unitLevel }
    resolutions: [], // { at, unitId, unitLevel, outcome }
    evaluations: [], // { at, rating, by, afterResolution }
    sendBacks: [], // { at, unitId }
    escalations: [],
    reopenings: [], // { at, reason }
    endedAt: null,
  };
  for (const e of events.slice(1)) {
    const at = ms(e.at);
    const lead = { dispatched: 'unit', redispatched: 'unit', reopened: 'unit', transferred: 'to', escalated: 'to' }[
      e.type
    ];
    if (lead) s.leads.push({ unitId: e.data[lead].unitId, unitLevel: e.data[lead].unitLevel });
    if (e.type === 'dispatched') s.firstDispatchedAt ??= at;
    if (e.type === 'escalated') s.escalations.push(at);
    if (e.type === 'reopened') s.reopenings.push({ at, reason: e.data.reason });
    // A send-back comes from the unit that held the lead; the export names the acting unit.
    if (e.type === 'sent_back') s.sendBacks.push({ at, unitId: e.actor_unit_id });
    if (e.type === 'resolved') {
      const by = s.leads.at(-1);
      s.resolutions.push({
        at,
        unitId: by?.unitId ?? e.actor_unit_id,
        unitLevel: by?.unitLevel ?? 0,
        outcome: e.data.outcome.kind,
      });
    }
    if (e.type === 'evaluated')
      s.evaluations.push({
        at,
        rating: e.data.rating,
        by: e.data.by,
        afterResolution: s.resolutions.at(-1)?.at ?? null,
      });
    if (e.type === 'closed' || e.type === 'merged') s.endedAt = at;
  }
  return s;
}

const stages = lines
  .filter((l) => l.record === 'stage')
  .map(({ data: d }) => ({ ...d, startAt: ms(d.startAt), dueAt: ms(d.dueAt), completedAt: ms(d.completedAt) }));
const cards = lines.filter((l) => l.record === 'card').map(({ data: d }) => ({ ...d, issuedAt: ms(d.issuedAt) }));
const extensions = lines
  .filter((l) => l.record === 'extension')
  .map(({ data: d }) => ({ ...d, decidedAt: ms(d.decidedAt) }));

/** The last of the case's resolutions inside the period. */
const lastResolutionIn = (s) => s.resolutions.filter((r) => inPeriod(r.at)).at(-1);
const lastEvaluationIn = (s) => s.evaluations.filter((e) => inPeriod(e.at)).at(-1);
const resolvedCases = stories.flatMap((s) => {
  const r = lastResolutionIn(s);
  return r ? [{ s, r }] : [];
});
const evaluatedCases = stories.flatMap((s) => {
  const e = lastEvaluationIn(s);
  return e ? [{ s, e }] : [];
});
const receivedCases = stories.filter((s) => inPeriod(s.receivedAt));
const share = (items, hit) => ({ numerator: items.filter(hit).length, denominator: items.length });
const count = (n) => ({ numerator: n, denominator: n });

const signFor = stages.filter((x) => x.stage === 'sign_for' && x.dueAt !== null && inPeriod(x.dueAt));
const handlingStageOf = (s, r) =>
  stages.filter((x) => x.caseId === s.id && x.stage === 'handle' && x.unitId === r.unitId && x.startAt <= r.at).at(-1);
const periodEnd = Math.min(to, asOf);
const openAtEnd = stories.filter((s) => {
  if (s.receivedAt >= periodEnd || (s.endedAt !== null && s.endedAt < periodEnd)) return false;
  const last = s.resolutions.filter((r) => r.at < periodEnd).at(-1);
  return !last || s.reopenings.some((o) => o.at > last.at && o.at < periodEnd);
});
const mediated = resolvedCases.filter(
  ({ s, r }) => s.kind === 'dispute' && (r.outcome === 'mediated' || r.outcome === 'not_mediated'),
);

const figures = {
  sign_on_time: share(signFor, (x) => x.completedAt !== null && x.completedAt <= x.dueAt && known(x.completedAt)),
  resolve_on_time: share(resolvedCases, ({ s, r }) => {
    const due = handlingStageOf(s, r)?.dueAt ?? null;
    return due !== null && r.at <= due;
  }),
  mediation_success: share(mediated, ({ r }) => r.outcome === 'mediated'),
  satisfaction: share(evaluatedCases, ({ e }) => e.rating === 'satisfied' || e.rating === 'basically_satisfied'),
  return_visit: share(resolvedCases, ({ s, r }) => s.evaluations.some((e) => e.at >= r.at && known(e.at))),
  send_back: share(
    stories.filter((s) => inPeriod(s.firstDispatchedAt)),
    (s) => s.sendBacks.some((b) => known(b.at)),
  ),
  repeat_visit: share(resolvedCases, ({ s, r }) =>
    s.reopenings.some((o) => o.reason === 'repeat_visit' && o.at > r.at && known(o.at)),
  ),
  escalation: share(receivedCases, (s) => s.escalations.some(known)),
  township_or_below: share(resolvedCases, ({ r }) => r.unitLevel >= TOWNSHIP_LEVEL),
  first_petition: share(
    receivedCases.filter((s) => s.kind === 'petition'),
    (s) => s.repeatOf === null,
  ),
  handling_days: {
    numerator: resolvedCases.reduce((sum, { s, r }) => sum + workingDaysBetween(s.receivedAt, r.at), 0),
    denominator: resolvedCases.length,
  },
  received: count(receivedCases.length),
  resolved: count(resolvedCases.length),
  open_at_end: count(openAtEnd.length),
  ...Object.fromEntries(
    ['blue', 'yellow', 'red'].map((colour) => [
      `cards_${colour}`,
      count(cards.filter((c) => c.colour === colour && inPeriod(c.issuedAt)).length),
    ]),
  ),
};

const everyResolutionIn = stories.flatMap((s) => s.resolutions.filter((r) => inPeriod(r.at)).map((r) => ({ s, r })));
const distinct = (items) => new Set(items.map(({ s }) => s.id)).size;
const sentBackIn = stories.filter((s) => s.sendBacks.some((b) => inPeriod(b.at)));
const approvedIn = extensions.filter((x) => x.approved && inPeriod(x.decidedAt));
const signals = {
  clock_reset: {
    numerator: distinct(
      everyResolutionIn.filter(({ s, r }) =>
        s.reopenings.some((o) => o.at > r.at && o.at - r.at <= CLOCK_RESET_MS && known(o.at)),
      ),
    ),
    denominator: distinct(everyResolutionIn),
  },
  staff_evaluations: share(evaluatedCases, ({ e }) => e.by === 'staff'),
  instant_evaluations: share(
    evaluatedCases,
    ({ e }) => e.afterResolution !== null && e.at - e.afterResolution <= INSTANT_EVALUATION_MS,
  ),
  send_back_ping_pong: share(sentBackIn, (s) => {
    // A unit that sent the case back and was later given the lead again.
    const refusers = new Set(s.sendBacks.filter((b) => known(b.at)).map((b) => b.unitId));
    const leads = s.leads.map((l) => l.unitId);
    return leads.some((u, i) => refusers.has(u) && leads.indexOf(u) < i);
  }),
  self_approved_extensions: share(approvedIn, (x) => x.deciderUnitId === x.requestingUnitId),
};

const list = (o) => Object.entries(o).map(([id, f]) => ({ id, ...f }));
process.stdout.write(
  `${JSON.stringify({ period: header.data, asOf: header.at, figures: list(figures), signals: list(signals) }, null, 2)}\n`,
);

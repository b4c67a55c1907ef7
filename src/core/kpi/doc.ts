// docs/kpi.md is rendered from the catalogue, so the written definitions cannot drift from the code.
import { KPI_DEFINITIONS } from './definitions.js';
import { EXPORT_FIELDS, EXPORT_RECORDS } from './export-format.js';
import { SIGNAL_DEFINITIONS } from './signals.js';

type Described = {
  id: string;
  zh: string;
  en: string;
  numerator: string;
  denominator: string;
  periodRule: string;
  excludes: string;
};

const section = (d: Described, extra: string[] = []) =>
  [
    `### ${d.zh} · ${d.en} (\`${d.id}\`)`,
    '',
    `- numerator: ${d.numerator}`,
    `- denominator: ${d.denominator}`,
    `- period: ${d.periodRule}`,
    `- excluded: ${d.excludes}`,
    ...extra,
    '',
  ].join('\n');

const RANKING_DOC = [
  '## Rankings and peer classes',
  '',
  '`GET /api/kpi/{id}/breakdown` ranks the rows (child regions, units, kinds …) of one figure. A rate ranks by',
  'the lower bound of its Wilson score interval at 95 % (a send-back, repeat-visit or escalation rate by the bound of',
  'its complement), so 2 cases at 100 % do not top 400 at 97 %; counts and means rank by value. The volume (the',
  'denominator) is shown beside every rate; rows without a value have no rank; ties share a rank.',
  '',
  'Peer classes (一类/二类/三类地区) are groups of regions of one level that an administrator defines for a region',
  '(`/api/peer-classes`); a region is in at most one class of an owner and level. By region, every row names its',
  'class — the class of the nearest owner (the region broken down, or the closest region above it in the',
  "caller's jurisdiction) that groups the children's level — and `classRank`, its rank among the rows of that",
  "class by the same score. `peerClass=<id>` keeps only the class's members, ranked among themselves.",
  '',
  '## The safety index (平安指数)',
  '',
  "An assessment scheme (考核方案, `/api/schemes`) of a region and year scores the region's children per period.",
  'Each indicator takes its raw value from a KPI above (for a rate, the share 0–1 with its numerator and',
  'denominator) or from a figure imported per region and period (numbers only), and scores it 0–100: `minmax`',
  "places it between the worst (0) and the best (100) of the peers in the indicator's direction (all alike: 100);",
  '`target` gives 100 at the target or better and 0 at the worst value or beyond, linearly between. The index is',
  'the weighted mean of the scores a region has (weights sum to 100); `coverage` is the share of the weight with a',
  'value. Regions rank by index, ties sharing a rank. A stored run keeps every component with the version it used.',
  "A warning is raised when the index is below the threshold, or lower than the previous period's (same version)",
  'by more than the allowed drop.',
  '',
];

const ROLLUP_TEXT = [
  '## The rollup: figures for any region and period without reading the cases',
  '',
  '`GET /api/kpi` and `GET /api/kpi/{id}/breakdown` sum the rollup (`kpi_rollup`, `src/core/kpi/rollup.ts`):',
  'what every case contributes to every figure and signal above, kept per case region, last lead unit,',
  'category, kind, channel and complexity, in rows keyed by CST days. The rows are derived from these',
  "definitions' own measures (a case's contribution to a period depends only on which of its days the",
  'period holds, so differences of it give rows counted when `a ≤ lo < b ≤ hi`, or `lo < b ≤ hi` for a state',
  'such as "open at the end"); no figure is defined twice. Every figure and signal here is exact from the',
  'rollup: counts and rates as sums of their numerators and denominators, the mean as the sum of working',
  'time (in milliseconds, so that sums stay integral) over the count. The drill-downs (`/api/kpi/{id}/cases`),',
  'the event export and the workbooks read the cases, since they list them.',
  '',
  'The rollup holds what is stored. It differs from a pass over the cases only where the definitions say',
  '"up to the moment the figure is taken" about an instant at or after that moment: something recorded in the',
  'same millisecond as the request, or later under a clock set back. The handling time of a case is counted',
  'with the working-day calendar of the moment the case last changed; after a calendar edit that reaches back',
  'into finished cases, `civicgrid kpi rebuild` recounts them; likewise for an extension decided by a leader',
  'who has since moved to another unit (the signal of self-approved extensions compares units).',
  '',
];

/** The text of docs/kpi.md. */
export function renderKpiDoc(): string {
  return [
    '# KPI definitions',
    '',
    'Rendered from `src/core/kpi/` by `npm run kpi:doc`; `src/core/kpi/doc.test.ts` fails when this file and the',
    'code disagree. Every figure is computed from case events (and the stage clocks, cards and extension',
    'requests written in the same transactions), returns its numerator, denominator and the cases behind each,',
    'and is taken "as of" an instant: what happened after it is not yet counted. Periods are China Standard',
    'Time and half-open (an event at midnight belongs to the day that begins). A rate with an empty',
    'denominator has no value (never 0 % or 100 %). Period-on-period (环比) and year-on-year (同比) changes of a',
    'rate are differences in percentage points; of a count or a mean, relative changes.',
    '',
    '## Figures',
    '',
    ...KPI_DEFINITIONS.map((d) => section(d, [`- kind: ${d.kind}`])),
    '## Signals shown beside the figures they could inflate',
    '',
    ...SIGNAL_DEFINITIONS.map((s) => section(s, [`- could inflate: ${s.inflates.map((i) => `\`${i}\``).join(', ')}`])),
    '## The events export',
    '',
    '`GET /api/kpi/events?format=ndjson|csv` (same query as `GET /api/kpi`) and `civicgrid export events` write',
    'everything the figures of that query are computed from, so anyone can recompute them:',
    '`node scripts/kpi-recompute.mjs export.ndjson` does, from these definitions alone (it imports nothing of',
    'civicgrid), and `test/http/kpi-recompute.test.ts` checks that it agrees with the API on every figure and signal.',
    '',
    '| column | holds |',
    '| --- | --- |',
    ...EXPORT_FIELDS.map(([name, text]) => `| \`${name}\` | ${text} |`),
    '',
    '| line (`record`) | what it is |',
    '| --- | --- |',
    ...EXPORT_RECORDS.map(([name, text]) => `| \`${name}\` | ${text} |`),
    '',
    ...RANKING_DOC,
    ...ROLLUP_TEXT,
  ].join('\n');
}

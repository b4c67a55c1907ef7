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
  ].join('\n');
}

import type { assessmentZh } from './assessment.zh-CN.js';

type Shape<T> = { [K in keyof T]: T[K] extends string ? string : Shape<T[K]> };

/** The safety index and its assessment schemes (English); spread into en.ts. */
export const assessmentEn: Shape<typeof assessmentZh> = {
  analysisMenu: { group: 'Analysis', index: 'Safety index' },
  assessment: {
    title: 'Safety index',
    subtitle:
      "Regions scored under an assessment scheme: every indicator's raw value, score and weight is listed below. Stored scores keep the scheme version they used, so they stay reproducible after the scheme changes.",
    scheme: 'Assessment scheme',
    noSchemes: 'There is no assessment scheme in your jurisdiction yet. The administrator defines them.',
    period: 'Period',
    date: 'A day in the period',
    periods: { day: 'Day', week: 'Week', month: 'Month', quarter: 'Quarter', half: 'Half-year', year: 'Year' },
    version: 'Scheme version {{version}}',
    stored: 'Stored {{at}}',
    live: 'Computed from current figures (not stored)',
    run: "Store this period's scores and send warnings",
    ran: 'Scores stored; warnings sent',
    rank: 'Rank',
    region: 'Region',
    index: 'Safety index',
    coverage: 'weight with data {{coverage}}%',
    components: 'Indicators',
    indicator: 'Indicator',
    source: 'Source',
    sources: { kpi: 'Case figure', import: 'Imported' },
    raw: 'Raw value',
    score: 'Score',
    weight: 'Weight',
    direction: 'Direction',
    directions: { higher: 'higher is better', lower: 'lower is better' },
    rule: 'Scoring rule',
    minmax: 'min–max across peers (worst 0, best 100)',
    target: 'target {{target}} (0 at {{worst}} or below)',
    targetLower: 'target {{target}} (0 at {{worst}} or above)',
    noValue: 'no data',
    warnings: 'Warnings',
    noWarnings: 'No warnings this period',
    reasons: {
      below_threshold: 'below the threshold {{limit}}',
      dropped: 'fell more than {{limit}} points from {{previous}}',
    },
  },
};

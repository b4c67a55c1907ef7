import type { Messages } from './zh-CN.js';

/** The monthly bulletin page (English). */
export const bulletinEn: Pick<Messages, 'bulletin'> = {
  bulletin: {
    title: 'Monthly bulletin',
    description:
      'A month of the jurisdiction: the main figures, rankings by region, supervision, the largest categories and notices; printable, and as an Excel workbook.',
    month: 'Month',
    region: 'Region',
    ownJurisdiction: 'Your jurisdiction',
    print: 'Print',
    export: 'Export to Excel',
    heading: '{{region}} · social governance bulletin for {{month}}',
    asOf: 'Figures as of {{at}} (China Standard Time)',
    rankingRule:
      'Ranked by the lower bound of the Wilson interval (95 %): a region with few cases does not top the table by a chance high rate; numerator / denominator beside each rate.',
    noNotices: 'No signal that could inflate a figure showed this month.',
    figure: 'Figure',
    value: 'Value',
    fraction: 'Numerator / denominator',
    periodOnPeriod: 'vs previous month',
    yearOnYear: 'vs a year before',
    rank: 'Rank',
    volume: 'Numerator / denominator',
    score: 'Ranking score',
    category: 'Category',
    received: 'Received',
    share: 'Share',
    scheme: 'Assessment scheme',
    reason: 'Reason',
    index: 'Index',
    previous: 'Previous index',
    limit: 'Warning limit',
    noWarnings: 'No safety-index warning this month.',
    reasons: { below_threshold: 'Below the warning line', dropped: 'Fell by more than the limit' },
    signal: 'Signal',
    sections: {
      figures: '1. Main figures',
      rankings: '2. Rankings by region',
      warnings: '3. Safety-index warnings',
      cards: '4. Supervision (cards issued this month)',
      categories: '5. The largest categories',
      notices: '6. Notices: signals that could inflate a figure',
    },
  },
};

/** Assessment schemes (考核方案) and the safety index (平安指数): definitions, scoring, warnings. */
export * from './scheme.js';
export * from './scoring.js';
export * from './warnings.js';
export * from './indicator-csv.js';

/** KPIs: case facts folded from events, the catalogue of definitions, periods, changes, breakdowns, signals. */
export * from './case-facts.js';
export * from './compare.js';
export * from './definitions.js';
export * from './inputs.js';
export * from './period.js';
export * from './signals.js';
export * from './ranking.js';
export * from './rollup.js';

// Automatic dispatch (自动分拨): ordered rules → a unit on the case's region path, with the reason.
export * from './types.js';
export { decide } from './decide.js';
export { firstMatch, orderRules, ruleMatches } from './match.js';
export { attemptsFor, resolveUnit } from './resolve.js';
export { explain } from './explain.js';
export { channelLabels, complexityLabels, conditionLabel, fallbackLabels, kindLabels, levelLabel } from './labels.js';

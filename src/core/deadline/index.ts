/** Time limits: the CST working-day calendar, deadline policies, stage clocks, cards and backlog colours. */
export * from './cst.js';
export * from './calendar.js';
export * from './working-time.js';
export * from './policy.js';
export * from './default-policies.js';
export * from './stage-clock.js';
export * from './cards.js';
export * from './escalation.js';
export * from './backlog.js';
export * from './bounds.js';

/** How an attempt ended, as its audit record says: done, refused by authorisation, or failed on another error. */
export const AUDIT_OUTCOMES = ['ok', 'denied', 'failed'] as const;
export type AuditOutcome = (typeof AUDIT_OUTCOMES)[number];

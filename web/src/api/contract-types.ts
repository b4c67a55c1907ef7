/**
 * Types of the HTTP contract, inferred from the server's zod schemas in src/contract, and the words
 * of each vocabulary, re-exported from src/core (the one source; plain const arrays, nothing else of
 * the server reaches the browser bundle). Contract imports are type-only: no zod in the browser.
 */
import type { z } from '@hono/zod-openapi';
import type { AuditPage as AuditPageSchema, AuditQuery as AuditQuerySchema } from '../../../src/contract/audit.js';
import type {
  RegionPage as RegionPageSchema,
  RegionSearchQuery as RegionSearchQuerySchema,
} from '../../../src/contract/regions.js';
import type { UnitPage as UnitPageSchema, UnitListQuery as UnitListQuerySchema } from '../../../src/contract/units.js';
import type { UserPage as UserPageSchema, UserListQuery as UserListQuerySchema } from '../../../src/contract/users.js';

export type { ErrorBody, Role } from '../../../src/contract/common.js';
export type {
  LoginInput,
  Me,
  RegionRef,
  SignInPending,
  TwoFactorEnrolment,
  TwoFactorEnrolled,
} from '../../../src/contract/auth.js';
export type { Region, CreateRegionInput, UpdateRegionInput } from '../../../src/contract/regions.js';
export type { Unit, UnitType, CreateUnitInput, UpdateUnitInput } from '../../../src/contract/units.js';
export type { User, CreateUserInput, UpdateUserInput } from '../../../src/contract/users.js';
export type { Category, CreateCategoryInput, UpdateCategoryInput } from '../../../src/contract/categories.js';
export type { AuditRecord, AuditVerification } from '../../../src/contract/audit.js';
export type { MonthlyBulletin } from '../../../src/contract/kpi-bulletin.js';

export type RegionPage = z.infer<typeof RegionPageSchema>;
export type UnitPage = z.infer<typeof UnitPageSchema>;
export type UserPage = z.infer<typeof UserPageSchema>;
export type AuditPage = z.infer<typeof AuditPageSchema>;

/** Query parameters as the client sends them: the parsed shape, every key optional (the server fills defaults). */
type ClientQuery<S extends z.ZodTypeAny> = Partial<z.infer<S>>;
export type RegionSearchQuery = ClientQuery<typeof RegionSearchQuerySchema>;
export type UnitListQuery = ClientQuery<typeof UnitListQuerySchema>;
export type UserListQuery = ClientQuery<typeof UserListQuerySchema>;
export type AuditQuery = ClientQuery<typeof AuditQuerySchema>;

export {
  AGREEMENTS,
  ASSIGNMENT_ROLES,
  ASSIGNMENT_STATES,
  CASE_KINDS,
  CASE_STATUSES,
  CHANNELS,
  COMPLEXITIES,
  EVALUATORS,
  GUIDANCES,
  HANDLING_MODES,
  OUTCOME_KINDS,
  PARTNER_CHANNELS,
  PARTY_ROLES,
  RATINGS,
  REOPEN_REASONS,
  ROLES,
  SEND_BACK_REASONS,
  TRANSFER_SOURCES,
} from '../../../src/core/case/types.js';
export type {
  ActionName,
  Agreement,
  AssignmentRole,
  AssignmentState,
  CaseEventType,
  CaseKind,
  CaseLinkKind,
  CaseStatus,
  Channel,
  Complexity,
  Evaluator,
  Guidance,
  HandlingMode,
  OutcomeKind,
  PartyRole,
  Rating,
  ReopenReason,
  SendBackReason,
  TransferSource,
} from '../../../src/core/case/index.js';
export type { AuditOutcome } from '../../../src/core/audit.js';
export type { BacklogColour, CardColour, StageName, TimeUnit } from '../../../src/core/deadline/vocabulary.js';
export type { Fallback } from '../../../src/core/dispatch/types.js';
export { AUDIT_OUTCOMES } from '../../../src/core/audit.js';
export { CARD_COLOURS, TIME_UNITS } from '../../../src/core/deadline/vocabulary.js';
export { FALLBACKS } from '../../../src/core/dispatch/types.js';
export { ERROR_CODES, type ErrorCode } from '../../../src/core/errors.js';

// Cases, dispatch, deadlines and notifications.
import type { CasePage as CasePageSchema, CaseListQuery as CaseListQuerySchema } from '../../../src/contract/cases.js';
import type {
  CardList as CardListSchema,
  BacklogBoard as BacklogBoardSchema,
} from '../../../src/contract/deadlines.js';
import type {
  InboxPage as InboxPageSchema,
  DeadLetterPage as DeadLetterPageSchema,
  CreatedWebhook as CreatedWebhookSchema,
} from '../../../src/contract/notifications.js';
export type {
  CaseDetail,
  CaseSummary,
  Party,
  SubmitCaseInput,
  ActionBodies,
  CaseActionName,
} from '../../../src/contract/cases.js';
export type {
  DispatchDecision,
  DispatchRule,
  DryRunInput,
  CreateDispatchRuleInput,
  UpdateDispatchRuleInput,
} from '../../../src/contract/dispatch.js';
export type {
  CalendarStatus,
  CalendarYear,
  Card,
  CardRules,
  CardRuleList,
  CardRuleRow,
  CreateExtensionInput,
  DeadlinePolicy,
  PolicyList,
  PolicyRow,
  PolicyTable,
  ExtensionRequest,
  ListedExtensionRequest,
  PutCalendarDayInput,
} from '../../../src/contract/deadlines.js';
export type { InboxMessage, Webhook, CreateWebhookInput } from '../../../src/contract/notifications.js';
export type CasePage = z.infer<typeof CasePageSchema>;
export type CaseListQuery = ClientQuery<typeof CaseListQuerySchema>;
export type CardList = z.infer<typeof CardListSchema>;
export type BacklogBoard = z.infer<typeof BacklogBoardSchema>;
export type InboxPage = z.infer<typeof InboxPageSchema>;
export type DeadLetterPage = z.infer<typeof DeadLetterPageSchema>;
export type CreatedWebhook = z.infer<typeof CreatedWebhookSchema>;
export type { CaseUrges } from '../../../src/contract/public.js';

// Partner API keys (Open311).
import type { IssuedPartnerKey as IssuedPartnerKeySchema } from '../../../src/contract/partner-keys.js';
export type { IssuePartnerKeyInput, PartnerKeyView } from '../../../src/contract/partner-keys.js';
export type IssuedPartnerKey = z.infer<typeof IssuedPartnerKeySchema>;
export type { Scheme, SchemeScores } from '../../../src/contract/assessment.js';

// Figures (分析研判): every KPI of a region and period, one by child region or category, the cases behind one.
import type {
  KpiBreakdown as KpiBreakdownSchema,
  KpiDrillDown as KpiDrillDownSchema,
  KpiFigures as KpiFiguresSchema,
} from '../../../src/contract/kpi.js';
export type KpiFigures = z.infer<typeof KpiFiguresSchema>;
export type KpiFigure = KpiFigures['figures'][number];
export type KpiBreakdown = z.infer<typeof KpiBreakdownSchema>;
export type KpiDrillDown = z.infer<typeof KpiDrillDownSchema>;
export { PERIOD_KINDS, type PeriodKind } from '../../../src/core/kpi/period.js';

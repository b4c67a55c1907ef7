/**
 * Types of the HTTP contract, inferred from the server's zod schemas in src/contract.
 * Type-only imports: nothing of zod or the server reaches the browser bundle.
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
export type { LoginInput, Me, RegionRef } from '../../../src/contract/auth.js';
export type { Region, CreateRegionInput, UpdateRegionInput } from '../../../src/contract/regions.js';
export type { Unit, UnitType, CreateUnitInput, UpdateUnitInput } from '../../../src/contract/units.js';
export type { User, CreateUserInput, UpdateUserInput } from '../../../src/contract/users.js';
export type { Category, CreateCategoryInput, UpdateCategoryInput } from '../../../src/contract/categories.js';
export type { AuditRecord, AuditVerification } from '../../../src/contract/audit.js';

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

export const ROLES = [
  'admin',
  'security',
  'auditor',
  'dispatcher',
  'clerk',
  'gridworker',
  'mediator',
  'leader',
] as const;

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
  CalendarYear,
  Card,
  CardRules,
  CreateExtensionInput,
  DeadlinePolicy,
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
export const CASE_KINDS = ['appeal', 'dispute', 'petition', 'hazard'] as const;
export const CHANNELS = ['grid', 'hotline', 'walk_in', 'online', 'letter', 'transfer'] as const;
export const COMPLEXITIES = ['general', 'major', 'special'] as const;
export const CASE_STATUSES = [
  'received',
  'dispatched',
  'signed',
  'in_progress',
  'suspended',
  'resolved',
  'evaluated',
  'closed',
  'merged',
] as const;
export const TRANSFER_SOURCES = ['court', 'police', 'procuratorate', 'petition_bureau'] as const;
/** Supervision card colours, least severe first (as the server orders them). */
export const CARD_COLOURS = ['blue', 'yellow', 'red'] as const satisfies readonly CardList['items'][number]['colour'][];
export type { CaseUrges } from '../../../src/contract/public.js';

// Partner API keys (Open311).
import type {
  IssuedPartnerKey as IssuedPartnerKeySchema,
  PartnerKeyView as PartnerKeyViewSchema,
} from '../../../src/contract/partner-keys.js';
export type { IssuePartnerKeyInput, PartnerKeyView } from '../../../src/contract/partner-keys.js';
export type IssuedPartnerKey = z.infer<typeof IssuedPartnerKeySchema>;
/** The channels a partner system files through, in the order the issue form offers them. */
export const PARTNER_CHANNELS = [
  'hotline',
  'online',
  'transfer',
] as const satisfies readonly PartnerKeyViewSchema['channel'][];

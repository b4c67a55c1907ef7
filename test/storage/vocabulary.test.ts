import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { AUDIT_OUTCOMES } from '../../src/core/audit.js';
import {
  ASSIGNMENT_ROLES,
  ASSIGNMENT_STATES,
  CASE_KINDS,
  CASE_LINK_KINDS,
  CHANNELS,
  COMPLEXITIES,
  PARTNER_CHANNELS,
  PARTY_ROLES,
  TRANSFER_SOURCES,
} from '../../src/core/case/types.js';
import { EVENT_TYPES } from '../../src/core/case/events.js';
import { CALENDAR_SOURCES, DAY_KINDS } from '../../src/core/deadline/calendar.js';
import { CARD_COLOURS } from '../../src/core/deadline/cards.js';
import { STAGE_NAMES, TIME_UNITS } from '../../src/core/deadline/policy.js';
import { EXTENSION_STATUSES } from '../../src/core/deadline/stage-clock.js';
import { TIME_MEASURES } from '../../src/core/deadline/working-time.js';
import { FALLBACKS } from '../../src/core/dispatch/types.js';
import { DELIVERY_CHANNELS } from '../../src/core/notify/delivery.js';
import { systemScope } from '../../src/storage/db.js';
import { checkLists, dumpSchema, type CheckList } from '../../src/storage/schema-dump.js';
import { createTestDb, engineLabel, engines, type TestDb } from '../test-db.js';
import { SIGN_IN_STEPS } from '../../src/core/auth/sign-in.js';
import { WARNING_REASONS } from '../../src/core/assessment/warnings.js';
import { PERIOD_KINDS } from '../../src/core/kpi/period.js';

/**
 * Which core vocabulary each `CHECK (column IN (…))` of the migrated schema spells out. The core's arrays
 * are the one source (docs/ARCHITECTURE.md); SQL cannot import them, so this holds the copies equal.
 */
const vocabularyOf: Record<string, readonly string[]> = {
  'assessment_runs.period_kind': PERIOD_KINDS,
  'assessment_warnings.reason': WARNING_REASONS,
  'indicator_values.period_kind': PERIOD_KINDS,
  'assignment_stages.measure': TIME_MEASURES,
  'assignment_stages.stage': STAGE_NAMES,
  'assignments.role': ASSIGNMENT_ROLES,
  'assignments.state': ASSIGNMENT_STATES,
  'audit_log.outcome': AUDIT_OUTCOMES,
  'calendar_days.kind': DAY_KINDS,
  'calendar_days.source': CALENDAR_SOURCES,
  'cards.colour': CARD_COLOURS,
  'case_events.type': EVENT_TYPES,
  'case_links.kind': CASE_LINK_KINDS,
  'case_parties.role': PARTY_ROLES,
  'cases.channel': CHANNELS,
  'cases.complexity': COMPLEXITIES,
  'cases.kind': CASE_KINDS,
  'cases.transfer_source': TRANSFER_SOURCES,
  'deadline_policies.complexity': COMPLEXITIES,
  'deadline_policies.kind': CASE_KINDS,
  'deadline_policies.max_extension_unit': TIME_UNITS,
  'deadline_policies.stage': STAGE_NAMES,
  'deadline_policies.unit': TIME_UNITS,
  'dispatch_rules.channel': CHANNELS,
  'dispatch_rules.complexity': COMPLEXITIES,
  'dispatch_rules.fallback': FALLBACKS,
  'dispatch_rules.kind': CASE_KINDS,
  'extension_requests.status': EXTENSION_STATUSES,
  'extension_requests.unit': TIME_UNITS,
  'login_challenges.purpose': SIGN_IN_STEPS,
  'outbox.channel': DELIVERY_CHANNELS,
  'partner_keys.channel': PARTNER_CHANNELS,
  'partner_keys.transfer_source': TRANSFER_SOURCES,
};

const sorted = (words: readonly string[]) => [...words].sort();

describe.each(engines)('the SQL CHECK lists %s', (engine) => {
  let t: TestDb;
  let checks: CheckList[];
  let dump: string;

  beforeAll(async () => {
    t = await createTestDb(engine);
    [checks, dump] = await t.db.tx(systemScope, (trx) => Promise.all([checkLists(trx), dumpSchema(trx)]));
  });
  afterAll(() => t.drop());

  it(`spell the core's vocabularies, word for word ${engineLabel(engine)}`, () => {
    const found = Object.fromEntries(checks.map((k) => [`${k.table}.${k.column}`, sorted(k.values)]));
    const expected = Object.fromEntries(Object.entries(vocabularyOf).map(([column, words]) => [column, sorted(words)]));
    // A new CHECK list fails here until it is mapped to the core's array it spells (or a new one).
    expect(found).toEqual(expected);
  });

  it(`are all read by the comparison above ${engineLabel(engine)}`, () => {
    // A list the parser does not recognise (two columns, an OR NULL, …) would escape the comparison.
    const listing = dump.split('\n').filter((line) => /^ {2}constraint \S+ CHECK .*ANY \(ARRAY\[/.test(line));
    expect(listing.map((line) => line.split(' ')[3])).toEqual(checks.map((k) => k.constraint));
  });
});

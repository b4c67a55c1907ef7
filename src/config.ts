import path from 'node:path';
import { z } from 'zod';
import { Role } from './contract/common.js';
import { parseWebhookHosts, type WebhookHostList } from './core/notify/webhook-hosts.js';

/** Environment parsed once into a frozen, typed Config. Nothing else reads process.env. */
const Env = z.object({
  PORT: z.coerce.number().int().min(0).max(65535).default(8080),
  HOST: z.string().default('0.0.0.0'),
  DATA_DIR: z.string().default('./data'),
  DATABASE_URL: z.string().optional(),
  /** Optional separate login for the application role on PostgreSQL; otherwise we SET ROLE. */
  DATABASE_APP_ROLE: z.string().default('civicgrid_app'),
  CIVICGRID_DEMO_PASSWORD: z.string().min(8).default('civicgrid-demo'),
  CIVICGRID_SESSION_IDLE_MINUTES: z.coerce.number().int().positive().default(30),
  CIVICGRID_LOGIN_MAX_FAILURES: z.coerce.number().int().positive().default(5),
  CIVICGRID_LOGIN_LOCK_MINUTES: z.coerce.number().int().positive().default(15),
  /** Failures for one name from all addresses, and from one address over all names (issue 11, point 7). */
  CIVICGRID_LOGIN_ACCOUNT_MAX_FAILURES: z.coerce.number().int().positive().default(20),
  CIVICGRID_LOGIN_ADDRESS_MAX_FAILURES: z.coerce.number().int().positive().default(50),
  /** Roles that must sign in with a second factor besides admin, security and auditor (always), comma separated. */
  CIVICGRID_2FA_ROLES: z
    .string()
    .default('')
    .transform((s) =>
      s
        .split(',')
        .map((r) => r.trim())
        .filter(Boolean),
    )
    .pipe(z.array(Role)),
  CIVICGRID_DEMO_COUNTY: z
    .string()
    .regex(/^\d{6}$/)
    .default('320114'),
  /** Cases generated for the demo county on a fresh install (a living workbench); 0 disables. */
  CIVICGRID_DEMO_CASES: z.coerce.number().int().min(0).max(100_000).default(250),
  CIVICGRID_SECURE_COOKIES: z.enum(['true', 'false']).default('false'),
  /** 32-byte data key, base64; or a file holding it; otherwise one is made in DATA_DIR/keys. */
  CIVICGRID_DATA_KEY: z.string().optional(),
  CIVICGRID_DATA_KEY_FILE: z.string().optional(),
  CIVICGRID_CIPHER: z.enum(['aes-256-gcm', 'sm4']).default('aes-256-gcm'),
  LOG_LEVEL: z.enum(['debug', 'info', 'warn', 'error', 'silent']).default('info'),
  /** Deadline sweep interval inside the server; 0 disables it (run `civicgrid sweep` from cron instead). */
  CIVICGRID_SWEEP_SECONDS: z.coerce.number().int().min(0).default(60),
  CIVICGRID_SWEEP_BATCH: z.coerce.number().int().min(1).max(10_000).default(500),
  /** Outbox delivery interval (inbox, webhooks, SMS); 0 disables it. */
  CIVICGRID_DELIVER_SECONDS: z.coerce.number().int().min(0).default(5),
  /** Tries before a webhook or SMS message is dead-lettered, and the first retry's delay (doubling after). */
  CIVICGRID_DELIVERY_MAX_ATTEMPTS: z.coerce.number().int().min(1).max(20).default(5),
  CIVICGRID_DELIVERY_BACKOFF_SECONDS: z.coerce.number().min(0).default(30),
  CIVICGRID_WEBHOOK_TIMEOUT_MS: z.coerce.number().int().positive().default(10_000),
  /** Hosts webhooks may post to (`host` or `.domain`), comma separated; unset: any (see src/core/notify/webhook-hosts.ts). */
  CIVICGRID_WEBHOOK_ALLOWED_HOSTS: z.string().optional(),
  /** SMS: 'log' writes each message to the log; 'http' POSTs JSON to CIVICGRID_SMS_URL (a gateway). */
  CIVICGRID_SMS_ADAPTER: z.enum(['log', 'http']).default('log'),
  CIVICGRID_SMS_URL: z.string().url().optional(),
  /** '1' gives the server a manual clock moved by POST /api/test/clock (browser tests only; never on by default). */
  CIVICGRID_TEST_CLOCK: z.enum(['0', '1']).default('0'),
  /** Public portal (issue 6): 'true' when a reverse proxy sets X-Forwarded-For; otherwise the socket's address counts. */
  CIVICGRID_TRUST_PROXY: z.enum(['true', 'false']).default('false'),
  CIVICGRID_PUBLIC_LOOKUP_FAILURES: z.coerce.number().int().positive().default(10),
  CIVICGRID_PUBLIC_LOOKUP_WINDOW_MINUTES: z.coerce.number().positive().default(10),
  CIVICGRID_PUBLIC_SUBMISSIONS_PER_HOUR: z.coerce.number().int().positive().default(5),
  /** The least time between fetching a form token and submitting the form (scripted spam is faster). */
  CIVICGRID_PUBLIC_MIN_SUBMIT_SECONDS: z.coerce.number().min(0).default(3),
});

export type Config = Readonly<{
  port: number;
  host: string;
  dataDir: string;
  database: { kind: 'pglite'; dir: string | null } | { kind: 'postgres'; url: string };
  appRole: string;
  demoPassword: string;
  demoCounty: string;
  demoCases: number;
  sessionIdleMs: number;
  login: { maxFailures: number; lockMs: number; accountMaxFailures: number; addressMaxFailures: number };
  /** Roles that must have a second factor on top of the mandatory three (src/core/auth/sign-in.ts). */
  twoFactorRoles: readonly Role[];
  secureCookies: boolean;
  logLevel: 'debug' | 'info' | 'warn' | 'error' | 'silent';
  /** The data key ring: inline (CIVICGRID_DATA_KEY) or a file (CIVICGRID_DATA_KEY_FILE, else DATA_DIR/keys). */
  dataKey: { kind: 'inline'; base64: string } | { kind: 'file'; path: string; explicit: boolean };
  cipher: 'aes-256-gcm' | 'sm4';
  sweep: { intervalMs: number; batchSize: number };
  delivery: {
    intervalMs: number;
    maxAttempts: number;
    backoffMs: number;
    webhookTimeoutMs: number;
    webhookHosts: WebhookHostList;
  };
  sms: { kind: 'log' } | { kind: 'http'; url: string };
  testClock: boolean;
  /** Public portal abuse limits; counted per node (see src/app/public/rate-limiter.ts). */
  public: {
    trustProxy: boolean;
    lookupFailures: { max: number; windowMs: number };
    submissions: { max: number; windowMs: number };
    minSubmitMs: number;
    formTokenTtlMs: number;
  };
}>;

export function loadConfig(env: Record<string, string | undefined> = process.env): Config {
  const e = Env.parse(env);
  const dataDir = path.resolve(e.DATA_DIR);
  return Object.freeze({
    port: e.PORT,
    host: e.HOST,
    dataDir,
    database: e.DATABASE_URL
      ? { kind: 'postgres' as const, url: e.DATABASE_URL }
      : { kind: 'pglite' as const, dir: path.join(dataDir, 'pglite') },
    appRole: e.DATABASE_APP_ROLE,
    demoPassword: e.CIVICGRID_DEMO_PASSWORD,
    demoCounty: e.CIVICGRID_DEMO_COUNTY,
    demoCases: e.CIVICGRID_DEMO_CASES,
    sessionIdleMs: e.CIVICGRID_SESSION_IDLE_MINUTES * 60_000,
    login: {
      maxFailures: e.CIVICGRID_LOGIN_MAX_FAILURES,
      lockMs: e.CIVICGRID_LOGIN_LOCK_MINUTES * 60_000,
      accountMaxFailures: e.CIVICGRID_LOGIN_ACCOUNT_MAX_FAILURES,
      addressMaxFailures: e.CIVICGRID_LOGIN_ADDRESS_MAX_FAILURES,
    },
    twoFactorRoles: e.CIVICGRID_2FA_ROLES,
    secureCookies: e.CIVICGRID_SECURE_COOKIES === 'true',
    logLevel: e.LOG_LEVEL,
    dataKey: e.CIVICGRID_DATA_KEY
      ? { kind: 'inline' as const, base64: e.CIVICGRID_DATA_KEY }
      : {
          kind: 'file' as const,
          path: path.resolve(e.CIVICGRID_DATA_KEY_FILE ?? path.join(dataDir, 'keys', 'data.key')),
          explicit: e.CIVICGRID_DATA_KEY_FILE !== undefined,
        },
    cipher: e.CIVICGRID_CIPHER,
    sweep: { intervalMs: e.CIVICGRID_SWEEP_SECONDS * 1000, batchSize: e.CIVICGRID_SWEEP_BATCH },
    delivery: {
      intervalMs: e.CIVICGRID_DELIVER_SECONDS * 1000,
      maxAttempts: e.CIVICGRID_DELIVERY_MAX_ATTEMPTS,
      backoffMs: e.CIVICGRID_DELIVERY_BACKOFF_SECONDS * 1000,
      webhookTimeoutMs: e.CIVICGRID_WEBHOOK_TIMEOUT_MS,
      webhookHosts: parseWebhookHosts(e.CIVICGRID_WEBHOOK_ALLOWED_HOSTS),
    },
    sms: smsConfig(e.CIVICGRID_SMS_ADAPTER, e.CIVICGRID_SMS_URL),
    testClock: e.CIVICGRID_TEST_CLOCK === '1',
    public: {
      trustProxy: e.CIVICGRID_TRUST_PROXY === 'true',
      lookupFailures: {
        max: e.CIVICGRID_PUBLIC_LOOKUP_FAILURES,
        windowMs: e.CIVICGRID_PUBLIC_LOOKUP_WINDOW_MINUTES * 60_000,
      },
      submissions: { max: e.CIVICGRID_PUBLIC_SUBMISSIONS_PER_HOUR, windowMs: 3_600_000 },
      minSubmitMs: e.CIVICGRID_PUBLIC_MIN_SUBMIT_SECONDS * 1000,
      formTokenTtlMs: 24 * 3_600_000,
    },
  });
}

function smsConfig(kind: 'log' | 'http', url: string | undefined): Config['sms'] {
  if (kind === 'log') return { kind };
  if (!url) throw new Error('CIVICGRID_SMS_ADAPTER=http needs CIVICGRID_SMS_URL');
  return { kind, url };
}

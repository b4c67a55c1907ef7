import path from 'node:path';
import { z } from 'zod';

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
  CIVICGRID_DEMO_COUNTY: z.string().regex(/^\d{6}$/).default('320114'),
  CIVICGRID_SECURE_COOKIES: z.enum(['true', 'false']).default('false'),
  /** 32-byte data key, base64; or a file holding it; otherwise one is made in DATA_DIR/keys. */
  CIVICGRID_DATA_KEY: z.string().optional(),
  CIVICGRID_DATA_KEY_FILE: z.string().optional(),
  CIVICGRID_CIPHER: z.enum(['aes-256-gcm', 'sm4']).default('aes-256-gcm'),
  LOG_LEVEL: z.enum(['debug', 'info', 'warn', 'error', 'silent']).default('info'),
});

export type Config = Readonly<{
  port: number;
  host: string;
  dataDir: string;
  database: { kind: 'pglite'; dir: string | null } | { kind: 'postgres'; url: string };
  appRole: string;
  demoPassword: string;
  demoCounty: string;
  sessionIdleMs: number;
  login: { maxFailures: number; lockMs: number };
  secureCookies: boolean;
  logLevel: 'debug' | 'info' | 'warn' | 'error' | 'silent';
  dataKey: { kind: 'inline'; base64: string } | { kind: 'file'; path: string };
  cipher: 'aes-256-gcm' | 'sm4';
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
    sessionIdleMs: e.CIVICGRID_SESSION_IDLE_MINUTES * 60_000,
    login: { maxFailures: e.CIVICGRID_LOGIN_MAX_FAILURES, lockMs: e.CIVICGRID_LOGIN_LOCK_MINUTES * 60_000 },
    secureCookies: e.CIVICGRID_SECURE_COOKIES === 'true',
    logLevel: e.LOG_LEVEL,
    dataKey: e.CIVICGRID_DATA_KEY
      ? { kind: 'inline' as const, base64: e.CIVICGRID_DATA_KEY }
      : { kind: 'file' as const, path: path.resolve(e.CIVICGRID_DATA_KEY_FILE ?? path.join(dataDir, 'keys', 'data.key')) },
    cipher: e.CIVICGRID_CIPHER,
  });
}

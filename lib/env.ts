// Validates the process environment once, at start-up. An empty string counts as unset, and a
// wrong value fails with a message that names the variable instead of surfacing later as a 500.
import proxyAddr from 'proxy-addr';
import { z } from 'zod';

const optional = z.preprocess((v) => (typeof v === 'string' && v.trim() === '' ? undefined : v), z.string().optional());
const optionalUrl = z.preprocess(
  (v) => (typeof v === 'string' && v.trim() === '' ? undefined : v),
  z.url().optional(),
);

const unset = (v: unknown) => (typeof v === 'string' && v.trim() === '' ? undefined : v);
const wholeNumber = (min: number, max: number, fallback: number) =>
  z.preprocess(
    unset,
    z.coerce
      .number({ error: 'must be a whole number' })
      .int('must be a whole number')
      .min(min, `must be at least ${min}`)
      .max(max, `must be at most ${max}`)
      .default(fallback),
  );

/** Comma-separated addresses, CIDRs or proxy-addr's keywords (loopback, linklocal, uniquelocal). */
const trustedProxies = z.preprocess(
  unset,
  z
    .string()
    .optional()
    .transform((value, ctx) => {
      const list = (value ?? '')
        .split(',')
        .map((item) => item.trim())
        .filter(Boolean);
      try {
        proxyAddr.compile(list); // throws on anything that is not an address, a CIDR or a keyword
      } catch (error) {
        ctx.addIssue({ code: 'custom', message: `must be comma-separated IP addresses, CIDRs or loopback/linklocal/uniquelocal (${(error as Error).message})` });
        return z.NEVER;
      }
      return list;
    }),
);

const EnvSchema = z
  .object({
    NODE_ENV: z.enum(['development', 'test', 'production']).default('development'),
    DATABASE_URL: z.preprocess(
      (v) => (typeof v === 'string' && v.trim() === '' ? undefined : v),
      z
        .string()
        .regex(/^postgres(ql)?:\/\//, 'must be a postgres:// or postgresql:// URL')
        .optional(),
    ),
    DATABASE_POOL_SIZE: z.preprocess(
      (v) => (typeof v === 'string' && v.trim() === '' ? undefined : v),
      z.coerce.number({ error: 'must be a whole number' }).int('must be a whole number').min(1, 'must be at least 1').max(200, 'must be at most 200').default(20),
    ),
    /**
     * true when DATABASE_URL (and DATABASE_READ_URL) point at PgBouncer in transaction mode:
     * postgres.js then uses no named prepared statements and sends no session settings at start-up.
     */
    DATABASE_PGBOUNCER: z.preprocess(unset, z.enum(['true', 'false']).default('false')),
    /**
     * Optional read replica (a streaming standby of DATABASE_URL): dashboard, calibration and
     * question-analytics reads go to it once it has replayed everything the primary had committed
     * when the read began (lib/read-replica.ts), and to the primary otherwise.
     */
    DATABASE_READ_URL: z.preprocess(unset, z.string().regex(/^postgres(ql)?:\/\//, 'must be a postgres:// or postgresql:// URL').optional()),
    PGLITE_DIR: optional,
    AUTH_SECRET: optional,
    /** Key material for webhook signing secrets at rest (HKDF → AES-256-GCM); AUTH_SECRET when unset. */
    WEBHOOK_ENCRYPTION_KEY: z.preprocess(unset, z.string().min(32, 'must be at least 32 characters').optional()),
    /** Seconds between webhook delivery attempts, comma-separated; one retry per entry. */
    WEBHOOK_RETRY_SCHEDULE: z.preprocess(
      unset,
      z
        .string()
        .regex(/^\s*\d+(\s*,\s*\d+)*\s*$/, 'must be comma-separated whole seconds, e.g. 5,30,120,600,3600')
        .default('5,30,120,600,3600,21600,86400')
        .transform((v) => v.split(',').map((s) => Number(s.trim()))),
    ),
    /** Failed webhook attempts in a row after which the endpoint is switched off. */
    WEBHOOK_DISABLE_AFTER: wholeNumber(1, 1000, 20),
    /** How long one webhook POST may take, end to end. */
    WEBHOOK_TIMEOUT_MS: wholeNumber(1000, 60_000, 10_000),
    AUTH_URL: optionalUrl,
    AUTH_GITHUB_ID: optional,
    AUTH_GITHUB_SECRET: optional,
    AUTH_GOOGLE_ID: optional,
    AUTH_GOOGLE_SECRET: optional,
    /** Only for the development fallback of public links (http://localhost:PORT). */
    PORT: optional,
    SMTP_URL: optional,
    /** Key material for single sign-on client secrets at rest (HKDF → AES-256-GCM); unset → AUTH_SECRET. */
    SSO_ENCRYPTION_KEY: optional,
    /** Lets an OIDC issuer use plain http on a non-loopback host (never needed in production; loopback is allowed outside production). */
    SSO_ALLOW_HTTP_ISSUERS: z.preprocess(unset, z.enum(['true', 'false']).default('false')),
    SMTP_FROM: optional,
    /** Absolute session lifetime: a session ends this many days after sign-in, however active. */
    SESSION_ABSOLUTE_DAYS: wholeNumber(1, 90, 7),
    TRUSTED_PROXIES: trustedProxies,
    /** Failed sign-ins across all accounts and addresses per window before sign-in pauses for everyone. */
    SIGN_IN_GLOBAL_MAX_FAILURES: wholeNumber(10, 1_000_000, 1_000),
    /** Requests each API key may make per minute before 429 (README "API keys"). */
    API_KEY_RATE_LIMIT_PER_MINUTE: wholeNumber(1, 10_000_000, 600),
    // Unset means: seed in development and tests, never in production (see demoSeeding below).
    SEED_DEMO: z.preprocess((v) => (typeof v === 'string' && v.trim() === '' ? undefined : v), z.enum(['true', 'false']).optional()),
    /** The demo accounts' password; unset → the published one in development, a random one in production. */
    DEMO_PASSWORD: z.preprocess(
      (v) => (typeof v === 'string' && v.trim() === '' ? undefined : v),
      z.string().min(12, 'must be at least 12 characters').optional(),
    ),
  })
  .superRefine((env, ctx) => {
    if (env.NODE_ENV === 'production' && !env.AUTH_SECRET) {
      ctx.addIssue({
        code: 'custom',
        path: ['AUTH_SECRET'],
        message: 'is required in production (generate one with `openssl rand -base64 32`)',
      });
    }
    // Links in e-mails are built from AUTH_URL, never from the request's Host header.
    if (env.NODE_ENV === 'production' && !env.AUTH_URL) {
      ctx.addIssue({ code: 'custom', path: ['AUTH_URL'], message: 'is required in production (the public origin, e.g. https://loopkit.example.com)' });
    }
    if (env.AUTH_SECRET && env.AUTH_SECRET.length < 32) {
      ctx.addIssue({ code: 'custom', path: ['AUTH_SECRET'], message: 'must be at least 32 characters' });
    }
    if (Boolean(env.AUTH_GITHUB_ID) !== Boolean(env.AUTH_GITHUB_SECRET)) {
      ctx.addIssue({ code: 'custom', path: ['AUTH_GITHUB_SECRET'], message: 'AUTH_GITHUB_ID and AUTH_GITHUB_SECRET must be set together' });
    }
    if (Boolean(env.AUTH_GOOGLE_ID) !== Boolean(env.AUTH_GOOGLE_SECRET)) {
      ctx.addIssue({ code: 'custom', path: ['AUTH_GOOGLE_SECRET'], message: 'AUTH_GOOGLE_ID and AUTH_GOOGLE_SECRET must be set together' });
    }
    if (env.SSO_ENCRYPTION_KEY && env.SSO_ENCRYPTION_KEY.length < 32) {
      ctx.addIssue({ code: 'custom', path: ['SSO_ENCRYPTION_KEY'], message: 'must be at least 32 characters' });
    }
    if (env.DATABASE_READ_URL && !env.DATABASE_URL) {
      ctx.addIssue({ code: 'custom', path: ['DATABASE_READ_URL'], message: 'needs DATABASE_URL (a replica of the embedded database is not possible)' });
    }
    if (env.SMTP_URL && !env.SMTP_FROM) {
      ctx.addIssue({ code: 'custom', path: ['SMTP_FROM'], message: 'is required when SMTP_URL is set' });
    }
  });

export type Env = z.infer<typeof EnvSchema>;

/**
 * Whether this process seeds the demo organization. Demo accounts have a published password, so
 * production gets them only when asked for explicitly (SEED_DEMO=true), and then with a password
 * nobody has published (see db/seed).
 */
export function demoSeeding(e: Pick<Env, 'NODE_ENV' | 'SEED_DEMO'>): boolean {
  return e.SEED_DEMO === undefined ? e.NODE_ENV !== 'production' : e.SEED_DEMO === 'true';
}

export function parseEnv(source: Record<string, string | undefined>): Env {
  const result = EnvSchema.safeParse(source);
  if (!result.success) {
    const lines = result.error.issues.map((issue) => `  ${issue.path.join('.') || '(env)'}: ${issue.message}`);
    throw new Error(`Invalid environment configuration:\n${lines.join('\n')}`);
  }
  return result.data;
}

let cached: Env | undefined;

/** The validated environment; parsed on first use so tests can set variables before it. */
export function env(): Env {
  cached ??= parseEnv(process.env);
  return cached;
}

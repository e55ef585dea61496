import { z } from 'zod';
import { EmbeddingsEnv } from '@vocalia/agent';
import { BaseEnv, EnvError, exitOnEnvError, parseEnv } from '@vocalia/service-kit';

const DEV_DATABASE_URL = 'postgresql://postgres@127.0.0.1:5432/vocalia';
// Same dev default as voice-api's, so the two talk out of the box outside production.
const DEV_INTERNAL_TOKEN = 'dev-internal-token-not-for-production';
// Where a local SMTP catcher (the launcher's, or any other) listens by convention.
const DEV_SMTP_URL = 'smtp://127.0.0.1:1025';
// A published 32-byte key: encrypts provider secrets outside production only.
export const DEV_INTEGRATION_SECRETS_KEY = `dev:${Buffer.from('vocalia-dev-integration-secrets!').toString('base64')}`;
const REQUIRED_IN_PRODUCTION = ['DATABASE_URL', 'INTERNAL_API_TOKEN', 'JWT_PRIVATE_KEY', 'JWT_PUBLIC_KEY', 'SMTP_URL', 'INTEGRATION_SECRETS_KEY'] as const;
/** `<id>:<base64 of 32 bytes>`, comma-separated; the first encrypts, every one decrypts (rotation). */
const KEY_LIST = /^[A-Za-z0-9_-]{1,32}:[A-Za-z0-9+/]{43}=(,[A-Za-z0-9_-]{1,32}:[A-Za-z0-9+/]{43}=)*$/;

const bool = z.enum(['true', 'false', '1', '0']).transform((v) => v === 'true' || v === '1');

export const EnvSchema = BaseEnv.extend({
  PORT: z.coerce.number().int().min(1).max(65535).default(3013),
  DATABASE_URL: z.string().regex(/^postgres(ql)?:\/\//, 'must be a postgresql:// URL').optional(),
  DB_POOL_SIZE: z.coerce.number().int().min(1).max(100).default(10),
  /** Each query shape prepared once per connection; false behind a pooler that cannot keep prepared statements. */
  DB_PREPARED_STATEMENTS: bool.default(true),
  MIGRATE_ON_START: bool.default(true),
  INTERNAL_API_TOKEN: z.string().min(16, 'at least 16 characters').optional(),
  JWT_PRIVATE_KEY: z.string().includes('PRIVATE KEY', { message: 'must be a PEM private key' }).optional(),
  JWT_PUBLIC_KEY: z.string().includes('PUBLIC KEY', { message: 'must be a PEM public key' }).optional(),
  JWT_ISSUER: z.string().min(1).default('https://api.vocalia.ai'),
  JWT_AUDIENCE: z.string().min(1).default('vocalia-dashboard'),
  ACCESS_TOKEN_TTL_SEC: z.coerce.number().int().min(60).max(3600).default(900),
  REFRESH_TOKEN_TTL_DAYS: z.coerce.number().int().min(1).max(365).default(30),
  AUTH_RATE_PER_IP: z.coerce.number().int().positive().default(30),
  AUTH_RATE_PER_EMAIL: z.coerce.number().int().positive().default(10),
  AUTH_RATE_WINDOW_SEC: z.coerce.number().int().positive().default(900),
  AUTH_KNOWN_ADDRESS_DAYS: z.coerce.number().int().min(1).max(365).default(30),
  SMTP_URL: z.string().regex(/^smtps?:\/\/[^/]/, 'must be an smtp:// or smtps:// URL').optional(),
  MAIL_FROM: z.string().min(3).default('VocalIA <no-reply@vocalia.local>'),
  INVITATION_TTL_HOURS: z.coerce.number().int().min(1).max(720).default(168),
  EMAIL_VERIFICATION_TTL_HOURS: z.coerce.number().int().min(1).max(720).default(48),
  PASSWORD_RESET_TTL_MINUTES: z.coerce.number().int().min(5).max(1440).default(60),
  /** Rows read per query by the GDPR export (rows with children, fewer): bounds its memory whatever the tenant's size. */
  GDPR_EXPORT_BATCH_ROWS: z.coerce.number().int().min(1).max(10000).default(500),
  /** Local development only: webhook endpoints may point at loopback and private addresses. */
  WEBHOOK_ALLOW_PRIVATE_TARGETS: bool.default(false),
  /** The platform's Twilio account: numbers are bought on it and recordings fetched with it. Without both, telephony routes answer 503. */
  TWILIO_ACCOUNT_SID: z.string().regex(/^AC[0-9a-fA-F]{32}$/, 'must be a Twilio account SID (AC + 32 hex)').optional(),
  TWILIO_AUTH_TOKEN: z.string().min(16, 'at least 16 characters').optional(),
  /** Where Twilio's REST API answers; tests point it at a local server speaking the same protocol. */
  TWILIO_API_BASE_URL: z.url().default('https://api.twilio.com'),
  /** Stripe secret key (`sk_live_...`/`sk_test_...`); without it plans change only by the operator's command (and `PUT /api/v1/plan` outside production). */
  STRIPE_SECRET_KEY: z.string().regex(/^(sk|rk)_(test|live)_/, 'must be a Stripe secret key (sk_test_... or sk_live_...)').optional(),
  /** Where the Stripe SDK sends its calls (default Stripe's own API); a local Stripe-compatible server in tests and development. */
  STRIPE_API_BASE: z.url({ protocol: /^https?$/ }).optional(),
  /** The Billing Meter's event name that receives telephony usage, in whole seconds per call. */
  STRIPE_METER_EVENT_NAME: z.string().regex(/^[a-z0-9_]{1,100}$/, 'lowercase letters, digits and _').default('vocalia_telephony_seconds'),
  /** The Billing Meter's event name that receives conversations past the monthly quota (value 1 each) on plans that bill overage. */
  STRIPE_OVERAGE_METER_EVENT_NAME: z.string().regex(/^[a-z0-9_]{1,100}$/, 'lowercase letters, digits and _').default('vocalia_conversation_overage'),
  /** Time the Stripe SDK waits for one answer (it retries twice with the same idempotency key). */
  STRIPE_TIMEOUT_MS: z.coerce.number().int().min(100).max(80_000).default(10_000),
  /** How often trials and grace periods that ended are moved on (trialing -> grace -> restricted). */
  BILLING_SWEEP_INTERVAL_MS: z.coerce.number().int().min(1000).default(60_000),
  WEBHOOK_NOTICE_INTERVAL_MS: z.coerce.number().int().min(1000).default(60_000),
  /** Days a processed inbound provider event keeps its body (names, emails, phone numbers); the row itself stays for de-duplication. */
  INBOUND_PAYLOAD_RETENTION_DAYS: z.coerce.number().int().min(1).max(3650).default(30),
  /** Local development only: the dashboard's "check my site" may fetch loopback and private addresses. */
  SITE_CHECK_ALLOW_PRIVATE_TARGETS: bool.default(false),
  /** With EMBEDDINGS_BASE_URL, each knowledge chunk is embedded once at ingestion and its vector travels in the snapshot. */
  ...EmbeddingsEnv.shape,
  /** AES-256-GCM keys for tenants' provider secrets (Shopify, HubSpot, Klaviyo): `<id>:<base64 32 bytes>[,<older id>:<key>...]`. */
  INTEGRATION_SECRETS_KEY: z.string().regex(KEY_LIST, 'must be <id>:<base64 of 32 bytes>, comma-separated, newest first').optional(),
});

export type Env = Omit<z.infer<typeof EnvSchema>, 'DATABASE_URL' | 'INTERNAL_API_TOKEN' | 'SMTP_URL' | 'INTEGRATION_SECRETS_KEY'> & {
  DATABASE_URL: string;
  INTERNAL_API_TOKEN: string;
  SMTP_URL: string;
  INTEGRATION_SECRETS_KEY: string;
};

/** Parse an environment: production must name its database, internal token, JWT keys and SMTP server; dev gets defaults. */
export function parseServiceEnv(source: NodeJS.ProcessEnv): Env {
  const raw = parseEnv('db-api', EnvSchema, source);
  if (raw.NODE_ENV === 'production') {
    const missing = REQUIRED_IN_PRODUCTION.filter((key) => !raw[key]).map((key) => `${key} (required in production)`);
    if (raw.INTERNAL_API_TOKEN === DEV_INTERNAL_TOKEN) missing.push('INTERNAL_API_TOKEN (the development default is refused in production)');
    if (raw.INTEGRATION_SECRETS_KEY?.split(',').some((k) => k === DEV_INTEGRATION_SECRETS_KEY)) missing.push('INTEGRATION_SECRETS_KEY (the development key is refused in production)');
    if (missing.length) throw new EnvError('db-api', missing);
  }
  if (Boolean(raw.TWILIO_ACCOUNT_SID) !== Boolean(raw.TWILIO_AUTH_TOKEN)) {
    throw new EnvError('db-api', [`${raw.TWILIO_ACCOUNT_SID ? 'TWILIO_AUTH_TOKEN' : 'TWILIO_ACCOUNT_SID'} (set both Twilio credentials, or neither)`]);
  }
  return {
    ...raw,
    DATABASE_URL: raw.DATABASE_URL ?? DEV_DATABASE_URL,
    INTERNAL_API_TOKEN: raw.INTERNAL_API_TOKEN ?? DEV_INTERNAL_TOKEN,
    SMTP_URL: raw.SMTP_URL ?? DEV_SMTP_URL,
    INTEGRATION_SECRETS_KEY: raw.INTEGRATION_SECRETS_KEY ?? DEV_INTEGRATION_SECRETS_KEY,
    // PEM keys often arrive through env files with literal "\n".
    JWT_PRIVATE_KEY: raw.JWT_PRIVATE_KEY?.replace(/\\n/g, '\n'),
    JWT_PUBLIC_KEY: raw.JWT_PUBLIC_KEY?.replace(/\\n/g, '\n'),
  };
}

/** For main.ts: a bad environment prints one line naming every bad variable and exits 1. */
export const loadServiceEnv = (): Env => exitOnEnvError(() => parseServiceEnv(process.env));

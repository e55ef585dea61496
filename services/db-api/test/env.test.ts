import { generateKeyPairSync } from 'node:crypto';
import { EnvError } from '@vocalia/service-kit';
import { DEV_INTEGRATION_SECRETS_KEY, parseServiceEnv } from '../src/env';

const pem = () => generateKeyPairSync('rsa', { modulusLength: 2048, publicKeyEncoding: { type: 'spki', format: 'pem' }, privateKeyEncoding: { type: 'pkcs8', format: 'pem' } });

describe('db-api environment', () => {
  it('when nothing is set outside production, then development defaults apply', () => {
    const env = parseServiceEnv({});
    expect(env).toMatchObject({
      PORT: 3013,
      DATABASE_URL: 'postgresql://postgres@127.0.0.1:5432/vocalia',
      REDIS_URL: 'redis://127.0.0.1:6379',
      DB_POOL_SIZE: 10,
      DB_PREPARED_STATEMENTS: true,
      MIGRATE_ON_START: true,
      JWT_ISSUER: 'https://api.vocalia.ai',
      JWT_AUDIENCE: 'vocalia-dashboard',
      ACCESS_TOKEN_TTL_SEC: 900,
      REFRESH_TOKEN_TTL_DAYS: 30,
      SMTP_URL: 'smtp://127.0.0.1:1025',
    });
    expect(env.INTERNAL_API_TOKEN.length).toBeGreaterThanOrEqual(16);
  });

  it('when production lacks its secrets, then one error names every missing variable', () => {
    let error: unknown;
    try {
      parseServiceEnv({ NODE_ENV: 'production' });
    } catch (err) {
      error = err;
    }
    expect(error).toBeInstanceOf(EnvError);
    const message = (error as Error).message;
    for (const name of ['DATABASE_URL', 'INTERNAL_API_TOKEN', 'JWT_PRIVATE_KEY', 'JWT_PUBLIC_KEY', 'SMTP_URL', 'INTEGRATION_SECRETS_KEY']) expect(message).toContain(name);
    expect(message).toMatch(/^db-api: bad env: .*Fix: set it, see README > Configuration$/);
  });

  it('when production has everything, then PEM keys with literal \\n are restored', () => {
    const pair = pem();
    const env = parseServiceEnv({
      NODE_ENV: 'production',
      DATABASE_URL: 'postgresql://vocalia:secret@db:5432/vocalia',
      INTERNAL_API_TOKEN: 'x'.repeat(32),
      JWT_PRIVATE_KEY: pair.privateKey.replace(/\n/g, '\\n'),
      JWT_PUBLIC_KEY: pair.publicKey,
      SMTP_URL: 'smtps://mailer:secret@smtp.example.com:465',
      MAIL_FROM: 'VocalIA <no-reply@example.com>',
      MIGRATE_ON_START: 'false',
      INTEGRATION_SECRETS_KEY: `k1:${'A'.repeat(43)}=`,
    });
    expect(env.SMTP_URL).toBe('smtps://mailer:secret@smtp.example.com:465');
    expect(env.JWT_PRIVATE_KEY).toBe(pair.privateKey);
    expect(env.MIGRATE_ON_START).toBe(false);
  });

  it('when the integration secrets key is the development one in production, or malformed, then the error names it', () => {
    expect(() => parseServiceEnv({ NODE_ENV: 'production', INTEGRATION_SECRETS_KEY: DEV_INTEGRATION_SECRETS_KEY })).toThrow(/INTEGRATION_SECRETS_KEY \(the development key is refused in production\)/);
    expect(() => parseServiceEnv({ INTEGRATION_SECRETS_KEY: 'k1:tooshort' })).toThrow(/INTEGRATION_SECRETS_KEY/);
    expect(parseServiceEnv({}).INTEGRATION_SECRETS_KEY).toBe(DEV_INTEGRATION_SECRETS_KEY);
  });

  it('when a value is malformed, then the error names it', () => {
    expect(() => parseServiceEnv({ DATABASE_URL: 'mysql://x', DB_POOL_SIZE: '0', DB_PREPARED_STATEMENTS: 'yes', MIGRATE_ON_START: 'maybe', SMTP_URL: 'http://mail' })).toThrow(/DATABASE_URL.*DB_POOL_SIZE.*DB_PREPARED_STATEMENTS.*MIGRATE_ON_START.*SMTP_URL/);
  });

  it('when only one Twilio credential is set, or a malformed one, then the error names it; both set give the account, none gives no telephony', () => {
    const sid = `AC${'0a'.repeat(16)}`;
    expect(() => parseServiceEnv({ TWILIO_ACCOUNT_SID: sid })).toThrow(/TWILIO_AUTH_TOKEN \(set both Twilio credentials, or neither\)/);
    expect(() => parseServiceEnv({ TWILIO_AUTH_TOKEN: 'x'.repeat(32) })).toThrow(/TWILIO_ACCOUNT_SID/);
    expect(() => parseServiceEnv({ TWILIO_ACCOUNT_SID: 'AC123', TWILIO_AUTH_TOKEN: 'x'.repeat(32), TWILIO_API_BASE_URL: 'not a url' })).toThrow(/TWILIO_ACCOUNT_SID.*TWILIO_API_BASE_URL/);
    expect(parseServiceEnv({ TWILIO_ACCOUNT_SID: sid, TWILIO_AUTH_TOKEN: 'x'.repeat(32) })).toMatchObject({ TWILIO_ACCOUNT_SID: sid, TWILIO_API_BASE_URL: 'https://api.twilio.com' });
    expect(parseServiceEnv({}).TWILIO_ACCOUNT_SID).toBeUndefined();
  });

  it('when the Stripe settings are malformed, then the error names each; without them payments are off', () => {
    expect(() => parseServiceEnv({ STRIPE_SECRET_KEY: 'pk_test_publishable', STRIPE_API_BASE: 'ftp://stripe.local', STRIPE_METER_EVENT_NAME: 'Bad Name' })).toThrow(
      /STRIPE_SECRET_KEY.*STRIPE_API_BASE.*STRIPE_METER_EVENT_NAME/,
    );
    const env = parseServiceEnv({});
    expect(env.STRIPE_SECRET_KEY).toBeUndefined();
    expect(env).toMatchObject({ STRIPE_METER_EVENT_NAME: 'vocalia_telephony_seconds', BILLING_SWEEP_INTERVAL_MS: 60_000 });
  });
});

import { EnvError } from '@vocalia/service-kit';
import { parseServiceEnv } from '../src/env';

describe('env', () => {
  it('when nothing is set outside production, then the documented defaults apply', () => {
    expect(parseServiceEnv({})).toMatchObject({
      PORT: 3009,
      DB_API_INTERNAL_URL: 'http://127.0.0.1:3013',
      DB_API_TIMEOUT_MS: 2000,
      NUMBER_CACHE_TTL_SEC: 60,
      SNAPSHOT_TTL_SEC: 60,
      HISTORY_MAX_TURNS: 20,
      HISTORY_TTL_SEC: 1800,
      TRUST_PROXY_HOPS: 1,
    });
  });

  it('when production runs without INTERNAL_API_TOKEN and TWILIO_AUTH_TOKEN, then start-up fails naming both', () => {
    let failure: unknown;
    try {
      parseServiceEnv({ NODE_ENV: 'production' });
    } catch (err) {
      failure = err;
    }
    expect(failure).toBeInstanceOf(EnvError);
    expect((failure as EnvError).message).toContain('INTERNAL_API_TOKEN (required in production)');
    expect((failure as EnvError).message).toContain('TWILIO_AUTH_TOKEN (required in production)');
  });

  it('when production has its secrets, then it starts; a malformed account SID or Twilio API URL is refused', () => {
    const ok = { NODE_ENV: 'production', INTERNAL_API_TOKEN: 'x'.repeat(32), TWILIO_AUTH_TOKEN: 'y'.repeat(32), TWILIO_ACCOUNT_SID: `AC${'a'.repeat(32)}` } as const;
    expect(parseServiceEnv(ok).NODE_ENV).toBe('production');
    expect(() => parseServiceEnv({ ...ok, TWILIO_ACCOUNT_SID: 'not-a-sid' })).toThrow(/TWILIO_ACCOUNT_SID/);
    expect(() => parseServiceEnv({ ...ok, TWILIO_API_BASE_URL: 'not a url' })).toThrow(/TWILIO_API_BASE_URL/);
  });
});

import { EnvError } from '@vocalia/service-kit';
import { parseServiceEnv } from '../src/env';

describe('env', () => {
  it('when nothing is set outside production, then the documented defaults apply', () => {
    const env = parseServiceEnv({});
    expect(env).toMatchObject({
      PORT: 3004,
      DB_API_INTERNAL_URL: 'http://127.0.0.1:3013',
      WIDGET_TOKEN_TTL_SEC: 3600,
      SNAPSHOT_TTL_SEC: 60,
      SNAPSHOT_CACHE_MAX_TENANTS: 500,
      SNAPSHOT_CACHE_MAX_BYTES: 128 * 1024 * 1024,
      SNAPSHOT_MAX_STALE_SEC: 600,
      IP_RATE_LIMIT_PER_MINUTE: 120,
      HISTORY_MAX_TURNS: 20,
      HISTORY_TTL_SEC: 1800,
      TRUST_PROXY_HOPS: 1,
    });
  });

  it('when production runs without INTERNAL_API_TOKEN and WIDGET_TOKEN_SECRET, then start-up fails naming both', () => {
    expect(() => parseServiceEnv({ NODE_ENV: 'production' })).toThrow(EnvError);
    try {
      parseServiceEnv({ NODE_ENV: 'production' });
    } catch (err) {
      expect((err as EnvError).message).toContain('INTERNAL_API_TOKEN (required in production)');
      expect((err as EnvError).message).toContain('WIDGET_TOKEN_SECRET (required in production)');
    }
  });

  it('when production has both secrets, then it starts; a short secret or a bad URL is refused', () => {
    const ok = { NODE_ENV: 'production', INTERNAL_API_TOKEN: 'x'.repeat(32), WIDGET_TOKEN_SECRET: 'y'.repeat(48) } as const;
    expect(parseServiceEnv(ok).NODE_ENV).toBe('production');
    expect(() => parseServiceEnv({ ...ok, WIDGET_TOKEN_SECRET: 'short' })).toThrow(/WIDGET_TOKEN_SECRET/);
    expect(() => parseServiceEnv({ ...ok, DB_API_INTERNAL_URL: 'not a url' })).toThrow(/DB_API_INTERNAL_URL/);
  });

});

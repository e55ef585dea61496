import { existsSync, mkdtempSync, readFileSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { loadFleetSecrets } from '../src/fleet-secrets';
import { repoFile } from './repo-files';

describe('loadFleetSecrets', () => {
  let dir: string;
  beforeEach(() => {
    dir = join(mkdtempSync(join(tmpdir(), 'vocalia-secrets-')), '.vocalia');
  });
  afterEach(() => rmSync(join(dir, '..'), { recursive: true, force: true }));

  it('when the environment sets none, then each is generated once, kept 0600 in the state directory and reused', () => {
    const first = loadFleetSecrets(dir, {});
    expect(first.INTERNAL_API_TOKEN).toMatch(/^[0-9a-f]{64}$/);
    expect(first.WIDGET_TOKEN_SECRET).toMatch(/^[0-9a-f]{64}$/);
    expect(first.OAUTH_COOKIE_SECRET).toMatch(/^[0-9a-f]{64}$/);
    expect(first.INTEGRATION_SECRETS_KEY).toMatch(/^local:[A-Za-z0-9+/]{43}=$/);
    expect(Buffer.from(first.INTEGRATION_SECRETS_KEY.slice(6), 'base64')).toHaveLength(32);
    expect(new Set(Object.values(first)).size).toBe(4);
    for (const file of ['internal-api-token', 'widget-token-secret', 'oauth-cookie-secret', 'integration-secrets-key']) expect(statSync(join(dir, file)).mode & 0o777).toBe(0o600);
    expect(statSync(dir).mode & 0o777).toBe(0o700);

    expect(loadFleetSecrets(dir, {})).toEqual(first);
  });

  it('when two checkouts generate, then their secrets differ and none is a value published in the code', () => {
    const other = join(mkdtempSync(join(tmpdir(), 'vocalia-secrets-')), '.vocalia');
    try {
      const a = loadFleetSecrets(dir, {});
      const b = loadFleetSecrets(other, {});
      expect(b.WIDGET_TOKEN_SECRET).not.toBe(a.WIDGET_TOKEN_SECRET);
      expect(b.INTERNAL_API_TOKEN).not.toBe(a.INTERNAL_API_TOKEN);
      expect(b.OAUTH_COOKIE_SECRET).not.toBe(a.OAUTH_COOKIE_SECRET);
      expect(b.INTEGRATION_SECRETS_KEY).not.toBe(a.INTEGRATION_SECRETS_KEY);
      const published = ['voice-api', 'db-api', 'oauth-gateway'].map((service) => repoFile('services', service, 'src', 'env.ts')).join('\n');
      expect(published).not.toContain(a.WIDGET_TOKEN_SECRET);
      expect(published).not.toContain(a.INTERNAL_API_TOKEN);
      expect(published).not.toContain(a.OAUTH_COOKIE_SECRET);
      expect(published).not.toContain(a.INTEGRATION_SECRETS_KEY.slice(6));
    } finally {
      rmSync(join(other, '..'), { recursive: true, force: true });
    }
  });

  it('when the environment sets them, then its values are used and nothing is written', () => {
    const env = {
      INTERNAL_API_TOKEN: 'from-the-environment-token',
      WIDGET_TOKEN_SECRET: 'from-the-environment-widget-secret-0123456789',
      OAUTH_COOKIE_SECRET: 'from-the-environment-oauth-cookie-secret-0123',
      INTEGRATION_SECRETS_KEY: `env:${Buffer.alloc(32, 7).toString('base64')}`,
    };
    expect(loadFleetSecrets(dir, env)).toEqual(env);
    expect(existsSync(dir)).toBe(false);
  });

  it('when only one is set in the environment, then the other is still generated and kept', () => {
    const secrets = loadFleetSecrets(dir, { INTERNAL_API_TOKEN: 'from-the-environment-token' });
    expect(secrets.INTERNAL_API_TOKEN).toBe('from-the-environment-token');
    expect(readFileSync(join(dir, 'widget-token-secret'), 'utf8')).toBe(secrets.WIDGET_TOKEN_SECRET);
    expect(existsSync(join(dir, 'internal-api-token'))).toBe(false);
  });
});

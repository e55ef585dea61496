import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { BaseEnv, EnvError } from '@vocalia/service-kit';
import { Env, parseServiceEnv } from '../src/env';

const repoFile = (name: string) => readFileSync(join(__dirname, '../../..', name), 'utf8');
const OWN_KEYS = Object.keys(Env.shape).filter((key) => !(key in BaseEnv.shape));
// Deployments set these; the rest (issuers, API URLs, timeouts) keep their defaults unless an operator needs otherwise.
const DEPLOYED = ['OAUTH_COOKIE_SECRET', 'OAUTH_REDIRECT_ALLOWLIST', 'GOOGLE_CLIENT_ID', 'GOOGLE_CLIENT_SECRET', 'SLACK_CLIENT_ID', 'SLACK_CLIENT_SECRET', 'GITHUB_CLIENT_ID', 'GITHUB_CLIENT_SECRET'];

const PRODUCTION = {
  NODE_ENV: 'production',
  PUBLIC_BASE_URL: 'https://vocalia.example.com',
  INTERNAL_API_TOKEN: 'a-real-internal-token-0123456789',
  OAUTH_COOKIE_SECRET: 'a-real-cookie-secret-0123456789abcdef',
};

const problems = (source: Record<string, string>): string => {
  try {
    parseServiceEnv(source);
    return '';
  } catch (err) {
    if (!(err instanceof EnvError)) throw err;
    return err.problems.join(', ');
  }
};

describe('oauth-gateway environment', () => {
  it('when nothing is set outside production, then dev defaults apply and every provider is left disabled', () => {
    const env = parseServiceEnv({});
    expect(env.GOOGLE_CLIENT_ID).toBeUndefined();
    expect(env.GOOGLE_ISSUER).toBe('https://accounts.google.com');
    expect(env.SLACK_ISSUER).toBe('https://slack.com');
    expect(env.OAUTH_REDIRECT_ALLOWLIST).toBe('/app/');
  });

  it('when production keeps the development cookie secret or internal token, then it refuses to start naming them', () => {
    const { OAUTH_COOKIE_SECRET: _c, INTERNAL_API_TOKEN: _t, ...rest } = PRODUCTION;
    const found = problems(rest);
    expect(found).toContain('OAUTH_COOKIE_SECRET (required in production)');
    expect(found).toContain('INTERNAL_API_TOKEN (required in production)');
    expect(problems({ ...PRODUCTION, OAUTH_COOKIE_SECRET: 'dev-oauth-cookie-secret-not-for-production' })).toContain('OAUTH_COOKIE_SECRET');
  });

  it('when production points a provider at plain http, then it refuses to start', () => {
    expect(problems({ ...PRODUCTION, GOOGLE_ISSUER: 'http://accounts.google.com' })).toContain('GOOGLE_ISSUER (must be https:// in production)');
    expect(problems({ ...PRODUCTION, GITHUB_API_URL: 'http://api.github.com' })).toContain('GITHUB_API_URL');
  });

  it('when production is fully set, then it starts', () => {
    expect(problems(PRODUCTION)).toBe('');
  });

  it('when the cookie secret is short, then it is refused in any environment', () => {
    expect(problems({ OAUTH_COOKIE_SECRET: 'short' })).toContain('OAUTH_COOKIE_SECRET');
  });

  it("when a variable is added to env.ts, then README's configuration table names it, and the deployed ones are in .env.example, compose and the Swarm stack", () => {
    const readme = repoFile('README.md');
    expect(OWN_KEYS.filter((key) => key !== 'PORT' && !readme.includes(`\`${key}\``))).toEqual([]);
    for (const file of ['.env.example', 'docker-compose.production.yml', 'infra/swarm/vocalia.stack.yml']) {
      const text = repoFile(file);
      expect([file, DEPLOYED.filter((key) => !text.includes(key))]).toEqual([file, []]);
    }
  });
});

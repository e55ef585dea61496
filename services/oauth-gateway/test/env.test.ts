import { EnvError } from '@vocalia/service-kit';
import { parseServiceEnv } from '../src/env';

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
});

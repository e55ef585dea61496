import { parseServiceEnv } from '../src/env';

describe('webhook-router environment', () => {
  it('when production names no DATABASE_URL, then it refuses to start and names the variable', () => {
    expect(() => parseServiceEnv({ NODE_ENV: 'production' })).toThrow(/webhook-router: bad env: DATABASE_URL \(required in production\)/);
  });

  it('when development names no DATABASE_URL, then the local database is used', () => {
    expect(parseServiceEnv({}).DATABASE_URL).toBe('postgresql://postgres@127.0.0.1:5432/vocalia');
  });

  it('when production names its database, then that one is used', () => {
    expect(parseServiceEnv({ NODE_ENV: 'production', DATABASE_URL: 'postgresql://u:p@db:5432/v', INTERNAL_API_TOKEN: 'x'.repeat(32) }).DATABASE_URL).toBe('postgresql://u:p@db:5432/v');
  });

  it('when production keeps the development internal token, then it refuses to start and names it; development reads db-api locally', () => {
    expect(() => parseServiceEnv({ NODE_ENV: 'production', DATABASE_URL: 'postgresql://u:p@db:5432/v' })).toThrow(/INTERNAL_API_TOKEN \(required in production\)/);
    expect(parseServiceEnv({})).toMatchObject({ DB_API_INTERNAL_URL: 'http://127.0.0.1:3013', INTEGRATION_SECRET_CACHE_SEC: 60 });
  });
});

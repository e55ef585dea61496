import { parseServiceEnv } from '../src/env';

describe('webhook-router environment', () => {
  it('when production names no DATABASE_URL, then it refuses to start and names the variable', () => {
    expect(() => parseServiceEnv({ NODE_ENV: 'production' })).toThrow(/webhook-router: bad env: DATABASE_URL \(required in production\)/);
  });

  it('when development names no DATABASE_URL, then the local database is used', () => {
    expect(parseServiceEnv({}).DATABASE_URL).toBe('postgresql://postgres@127.0.0.1:5432/vocalia');
  });

  it('when production names its database, then that one is used', () => {
    expect(parseServiceEnv({ NODE_ENV: 'production', DATABASE_URL: 'postgresql://u:p@db:5432/v' }).DATABASE_URL).toBe('postgresql://u:p@db:5432/v');
  });
});

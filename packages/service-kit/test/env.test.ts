import { spawnSync } from 'node:child_process';
import path from 'node:path';
import { BaseEnv, EnvError, parseEnv } from '../src';

describe('env config', () => {
  it('when a variable is malformed, then parsing fails naming it', () => {
    expect(() => parseEnv('svc', BaseEnv, { REDIS_URL: 'not a url' })).toThrow(EnvError);
    expect(() => parseEnv('svc', BaseEnv, { REDIS_URL: 'not a url' })).toThrow(/svc: bad env: REDIS_URL/);
  });

  it('when values are absent, then defaults apply', () => {
    expect(parseEnv('svc', BaseEnv, {}).REDIS_URL).toBe('redis://127.0.0.1:6379');
  });

  it('when a service starts with a bad variable, then it prints one line and exits 1', () => {
    const main = path.resolve(__dirname, '../../../services/realtime/src/main.ts');
    const run = spawnSync(process.execPath, ['--import', 'tsx', main], {
      env: { ...process.env, REDIS_URL: 'nope', PORT: '0' },
      encoding: 'utf8',
      // tsx compiles the service's whole import tree on a cold cache: slow while CI runs every package at once.
      timeout: 60000,
    });
    expect(run.status).toBe(1);
    const lines = run.stderr.trim().split('\n');
    expect(lines).toHaveLength(1);
    expect(lines[0]).toMatch(/^realtime: bad env: REDIS_URL \(.*\)\. Fix: set it, see README > Configuration$/);
  }, 70_000);
});

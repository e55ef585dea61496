import { EnvError } from '@vocalia/service-kit';
import { parseServiceEnv } from '../src/env';

describe('realtime env', () => {
  it('when nothing is set, then it starts with no speech model and dev secrets', () => {
    const env = parseServiceEnv({});
    expect(env.REALTIME_MODEL_URL).toBeUndefined();
    expect(env.PORT).toBe(3007);
  });

  it('when only one of REALTIME_MODEL_URL and REALTIME_API_KEY is set, then start-up fails naming it', () => {
    expect(() => parseServiceEnv({ REALTIME_MODEL_URL: 'wss://api.openai.com/v1/realtime' })).toThrow(/REALTIME_API_KEY/);
    expect(parseServiceEnv({ REALTIME_MODEL_URL: 'wss://api.x.ai/v1/realtime', REALTIME_API_KEY: 'xai-key' }).REALTIME_MODEL).toBe('gpt-realtime');
  });

  it('when production runs on the dev secrets, then start-up fails naming both', () => {
    expect(() => parseServiceEnv({ NODE_ENV: 'production' })).toThrow(EnvError);
    expect(() => parseServiceEnv({ NODE_ENV: 'production' })).toThrow(/INTERNAL_API_TOKEN \(required in production\).*WIDGET_TOKEN_SECRET \(required in production\)/);
  });
});

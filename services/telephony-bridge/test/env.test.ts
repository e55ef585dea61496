import { EnvError } from '@vocalia/service-kit';
import { DEV_TWILIO_ACCOUNT_SID, DEV_TWILIO_AUTH_TOKEN, parseServiceEnv, realtimeConfig, twilioAccount } from '../src/env';

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

  it('when production runs without INTERNAL_API_TOKEN or with the development Twilio token, then start-up fails naming both', () => {
    let failure: unknown;
    try {
      parseServiceEnv({ NODE_ENV: 'production', TWILIO_ACCOUNT_SID: DEV_TWILIO_ACCOUNT_SID, TWILIO_AUTH_TOKEN: DEV_TWILIO_AUTH_TOKEN });
    } catch (err) {
      failure = err;
    }
    expect(failure).toBeInstanceOf(EnvError);
    expect((failure as EnvError).message).toContain('INTERNAL_API_TOKEN (required in production)');
    expect((failure as EnvError).message).toContain('TWILIO_AUTH_TOKEN (the development value is refused in production)');
  });

  it('when one Twilio credential is set without the other, then start-up fails naming the missing one', () => {
    expect(() => parseServiceEnv({ TWILIO_ACCOUNT_SID: `AC${'a'.repeat(32)}` })).toThrow(/TWILIO_AUTH_TOKEN \(set both Twilio credentials, or neither\)/);
    expect(() => parseServiceEnv({ TWILIO_AUTH_TOKEN: 'y'.repeat(32) })).toThrow(/TWILIO_ACCOUNT_SID \(set both Twilio credentials, or neither\)/);
  });

  it('when no Twilio account is set, then development uses its own and production runs with telephony off', () => {
    expect(twilioAccount(parseServiceEnv({}))).toEqual({ accountSid: DEV_TWILIO_ACCOUNT_SID, authToken: DEV_TWILIO_AUTH_TOKEN });
    expect(twilioAccount(parseServiceEnv({ NODE_ENV: 'production', INTERNAL_API_TOKEN: 'x'.repeat(32) }))).toBeNull();
  });

  it('when production has its secrets, then it starts; a malformed account SID or Twilio API URL is refused', () => {
    const ok = { NODE_ENV: 'production', INTERNAL_API_TOKEN: 'x'.repeat(32), TWILIO_AUTH_TOKEN: 'y'.repeat(32), TWILIO_ACCOUNT_SID: `AC${'a'.repeat(32)}` } as const;
    expect(parseServiceEnv(ok).NODE_ENV).toBe('production');
    expect(() => parseServiceEnv({ ...ok, TWILIO_ACCOUNT_SID: 'not-a-sid' })).toThrow(/TWILIO_ACCOUNT_SID/);
    expect(() => parseServiceEnv({ ...ok, TWILIO_API_BASE_URL: 'not a url' })).toThrow(/TWILIO_API_BASE_URL/);
  });

  it('when the realtime model is set with the same variables as services/realtime, then calls stream to it; a chat model key alone does not', () => {
    const model = { REALTIME_MODEL_URL: 'wss://api.x.ai/v1/realtime', REALTIME_API_KEY: 'xai-key' };
    expect(realtimeConfig(parseServiceEnv({ ...model, REALTIME_MODEL: 'grok-voice' }))).toEqual({
      url: 'wss://api.x.ai/v1/realtime',
      apiKey: 'xai-key',
      model: 'grok-voice',
      voice: 'alloy',
      transcriptionModel: 'whisper-1',
      audioFormat: 'pcmu',
      bargeInMinMs: 250,
    });
    expect(realtimeConfig(parseServiceEnv({ OPENAI_API_KEY: 'sk-chat', REALTIME_MODEL: 'gpt-realtime' }))).toBeUndefined();
    expect(() => parseServiceEnv({ REALTIME_MODEL_URL: model.REALTIME_MODEL_URL })).toThrow(/REALTIME_API_KEY \(REALTIME_MODEL_URL and REALTIME_API_KEY go together\)/);
    const production = { NODE_ENV: 'production', INTERNAL_API_TOKEN: 'x'.repeat(32), ...model };
    expect(() => parseServiceEnv(production)).toThrow(/STREAM_TOKEN_SECRET \(required in production with REALTIME_MODEL_URL\)/);
  });
});

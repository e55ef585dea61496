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

  it('when the cascaded speech path is configured, then its own variables are read (voices per language), apart from the realtime model\'s', () => {
    const env = parseServiceEnv({ SPEECH_TO_TEXT_URL: 'http://whisper:8000/v1', TEXT_TO_SPEECH_VOICES: 'fr=nova, ar=onyx' });
    expect(env).toMatchObject({ SPEECH_TO_TEXT_MODEL: 'whisper-1', TEXT_TO_SPEECH_MODEL: 'tts-1', TEXT_TO_SPEECH_VOICE: 'alloy', TEXT_TO_SPEECH_VOICES: { fr: 'nova', ar: 'onyx' }, SPEECH_END_SILENCE_MS: 700 });
    expect(env.TEXT_TO_SPEECH_URL).toBeUndefined();
    expect(env.REALTIME_MODEL_URL).toBeUndefined();
    expect(() => parseServiceEnv({ TEXT_TO_SPEECH_VOICES: 'de=hans' })).toThrow(/TEXT_TO_SPEECH_VOICES/);
    expect(() => parseServiceEnv({ SPEECH_TO_TEXT_URL: 'not a url' })).toThrow(/SPEECH_TO_TEXT_URL/);
  });

  it('when production runs on the dev secrets, then start-up fails naming both', () => {
    expect(() => parseServiceEnv({ NODE_ENV: 'production' })).toThrow(EnvError);
    expect(() => parseServiceEnv({ NODE_ENV: 'production' })).toThrow(/INTERNAL_API_TOKEN \(required in production\).*WIDGET_TOKEN_SECRET \(required in production\)/);
  });
});

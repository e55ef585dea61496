import { DEFAULT_BASE_URLS, DEFAULT_MODELS, engineConfigFromEnv } from '../src';

describe('engineConfigFromEnv', () => {
  it('when no key is set, then only the local provider is configured', () => {
    expect(engineConfigFromEnv({})).toEqual({ providers: [{ kind: 'local' }], timeoutMs: 8000 });
  });

  it('when all keys are set, then the order is xAI, OpenAI, Gemini, local with defaults filled in', () => {
    const config = engineConfigFromEnv({ XAI_API_KEY: 'xai-1', OPENAI_API_KEY: 'sk-1', GEMINI_API_KEY: 'g-1', PATH: '/usr/bin' });
    expect(config.providers).toEqual([
      { kind: 'openai-compatible', name: 'xai', apiKey: 'xai-1', baseURL: DEFAULT_BASE_URLS.xai, model: DEFAULT_MODELS.xai },
      { kind: 'openai-compatible', name: 'openai', apiKey: 'sk-1', baseURL: DEFAULT_BASE_URLS.openai, model: DEFAULT_MODELS.openai },
      { kind: 'gemini', name: 'gemini', apiKey: 'g-1', model: DEFAULT_MODELS.gemini, baseUrl: undefined },
      { kind: 'local' },
    ]);
  });

  it('when base URLs, models and the timeout are overridden, then they are used', () => {
    const config = engineConfigFromEnv({
      OPENAI_API_KEY: 'sk-1', OPENAI_BASE_URL: 'http://localhost:11434/v1', OPENAI_MODEL: 'llama3',
      GEMINI_API_KEY: 'g-1', GEMINI_BASE_URL: 'http://localhost:9999', GEMINI_MODEL: 'gemini-pro', LLM_TIMEOUT_MS: '2500',
    });
    expect(config.timeoutMs).toBe(2500);
    expect(config.providers[0]).toMatchObject({ name: 'openai', baseURL: 'http://localhost:11434/v1', model: 'llama3' });
    expect(config.providers[1]).toMatchObject({ name: 'gemini', baseUrl: 'http://localhost:9999', model: 'gemini-pro' });
  });

  it('when an embeddings base URL is set, then dense ranking uses it, with the default model unless one is given', () => {
    expect(engineConfigFromEnv({ EMBEDDINGS_BASE_URL: 'http://127.0.0.1:9/v1', EMBEDDINGS_API_KEY: 'e-1' }).embeddings).toEqual({ baseURL: 'http://127.0.0.1:9/v1', apiKey: 'e-1', model: 'text-embedding-3-small' });
    expect(engineConfigFromEnv({ EMBEDDINGS_BASE_URL: 'http://127.0.0.1:9/v1', EMBEDDINGS_MODEL: 'e5' }).embeddings).toEqual({ baseURL: 'http://127.0.0.1:9/v1', apiKey: 'none', model: 'e5' });
    expect(engineConfigFromEnv({ EMBEDDINGS_API_KEY: 'e-1' }).embeddings).toBeUndefined();
  });

  it('when a key is blank, then that provider is left out', () => {
    expect(engineConfigFromEnv({ XAI_API_KEY: '  ', OPENAI_API_KEY: '' }).providers).toEqual([{ kind: 'local' }]);
  });

  it('when a value is invalid, then one readable error names the variable', () => {
    expect(() => engineConfigFromEnv({ XAI_BASE_URL: 'not a url', LLM_TIMEOUT_MS: '-5' })).toThrow(/bad LLM env: XAI_BASE_URL .*LLM_TIMEOUT_MS/);
  });
});

import { CircuitBreaker, createEngine } from '../src';
import { dentalSnapshot } from './support/fixtures';
import { turn } from './support/engine-input';
import { FakeOpenAIServer } from './support/fake-openai-server';

describe('circuit breaker', () => {
  let clock = 0;
  const breaker = (): CircuitBreaker => new CircuitBreaker({ failureThreshold: 3, cooldownMs: 1000, now: () => clock });

  beforeEach(() => {
    clock = 0;
  });

  it('when failures are not consecutive, then the circuit stays closed', () => {
    const b = breaker();
    b.failure();
    b.failure();
    b.success();
    b.failure();
    b.failure();
    expect(b.state).toBe('closed');
  });

  it('when N consecutive failures happen, then it opens, lets one trial through after the cooldown, and closes on success', () => {
    const b = breaker();
    for (let i = 0; i < 3; i++) b.failure();
    expect(b.state).toBe('open');
    expect(b.tryAcquire()).toBe(false);
    clock = 1000;
    expect(b.state).toBe('half_open');
    expect(b.tryAcquire()).toBe(true);
    expect(b.tryAcquire()).toBe(false);
    b.success();
    expect(b.state).toBe('closed');
  });

  it('when the half-open trial fails, then it opens again for a full cooldown', () => {
    const b = breaker();
    for (let i = 0; i < 3; i++) b.failure();
    clock = 1500;
    expect(b.tryAcquire()).toBe(true);
    b.failure();
    expect(b.state).toBe('open');
    clock = 2400;
    expect(b.state).toBe('open');
    clock = 2500;
    expect(b.state).toBe('half_open');
  });
});

describe('engine with a failing provider', () => {
  let server: FakeOpenAIServer;
  let baseURL: string;
  let now = new Date('2025-03-10T10:00:00Z');

  beforeEach(async () => {
    server = new FakeOpenAIServer();
    baseURL = await server.start();
    now = new Date('2025-03-10T10:00:00Z');
  });
  afterEach(() => server.close());

  it('when a provider keeps failing, then its circuit opens, it is skipped without a request, and a later trial closes it', async () => {
    const engine = createEngine({
      providers: [{ kind: 'openai-compatible', name: 'openai', apiKey: 'sk-test', baseURL, model: 'gpt-test' }],
      breaker: { failureThreshold: 2, cooldownMs: 60_000 },
      timeoutMs: 500,
      now: () => now,
    });
    expect(engine.providers).toEqual(['openai', 'local']);
    server.enqueue({ kind: 'status', status: 500 }, { kind: 'status', status: 503 });
    const ask = () => engine.respond(turn(dentalSnapshot(), 'What are your opening hours?'));

    expect((await ask()).provider).toBe('openai>local');
    expect(engine.breakerState('openai')).toBe('closed');
    expect((await ask()).provider).toBe('openai>local');
    expect(engine.breakerState('openai')).toBe('open');
    expect(server.requests).toHaveLength(2);

    const skipped = await ask();
    expect(skipped.provider).toBe('local');
    expect(skipped.answer).toContain('Monday to Friday');
    expect(server.requests).toHaveLength(2);

    now = new Date(now.getTime() + 60_000);
    expect(engine.breakerState('openai')).toBe('half_open');
    server.enqueue({ kind: 'text', pieces: ['We are open ', 'Monday to Friday, 9 to 6.'] });
    const recovered = await ask();
    expect(recovered.provider).toBe('openai');
    expect(server.requests).toHaveLength(3);
    expect(engine.breakerState('openai')).toBe('closed');
  });

  it('when the first provider fails, then the next remote provider answers before local', async () => {
    const second = new FakeOpenAIServer();
    const secondURL = await second.start();
    try {
      server.enqueue({ kind: 'status', status: 500 });
      second.enqueue({ kind: 'text', pieces: ['Hello from the second provider.'] });
      const engine = createEngine({
        providers: [
          { kind: 'openai-compatible', name: 'xai', apiKey: 'xai-test', baseURL, model: 'grok-test' },
          { kind: 'openai-compatible', name: 'openai', apiKey: 'sk-test', baseURL: secondURL, model: 'gpt-test' },
          { kind: 'local' },
        ],
      });
      const result = await engine.respond(turn(dentalSnapshot(), 'Hello, who are you?'));
      expect(result.provider).toBe('xai>openai');
      expect(result.answer).toBe('Hello from the second provider.');
    } finally {
      await second.close();
    }
  });
});

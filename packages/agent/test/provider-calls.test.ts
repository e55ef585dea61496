import { createEngine, type ConversationProvider } from '../src';
import { dentalSnapshot } from './support/fixtures';
import { turn } from './support/engine-input';

describe('provider calls reported for metrics', () => {
  it('when a provider fails and local answers, then each attempt is reported once with its provider, outcome and duration', async () => {
    const calls: { provider: string; ms: number; outcome: string }[] = [];
    const failing: ConversationProvider = {
      name: 'broken',
      respond: async () => {
        await new Promise((r) => setTimeout(r, 20));
        throw new Error('upstream 500');
      },
    };
    const engine = createEngine({ providers: [{ kind: 'custom', provider: failing }, { kind: 'local' }], onProviderCall: (provider, ms, outcome) => calls.push({ provider, ms, outcome }) });
    const result = await engine.respond(turn(dentalSnapshot(), 'What are your opening hours?'));
    expect(result.provider).toBe('broken>local');
    expect(calls.map(({ provider, outcome }) => ({ provider, outcome }))).toEqual([
      { provider: 'broken', outcome: 'error' },
      { provider: 'local', outcome: 'ok' },
    ]);
    expect(calls[0]!.ms).toBeGreaterThanOrEqual(15);
  });
});

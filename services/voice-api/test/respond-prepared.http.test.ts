import request from 'supertest';
import { createEngine, type EngineInput, type PreparedMessage } from '@vocalia/agent';
import type { TenantSnapshot } from '@vocalia/contracts';
import { snapshotFor } from '@vocalia/conversation/testing';
import { startHarness, waitReady, type Harness } from './support/harness';

const SHOP = 'https://shop.example.com';

/** The local engine, with what the route asked it to prepare and what each turn was given. */
function watchedEngine() {
  const engine = createEngine({ providers: [{ kind: 'local' }] });
  const prepared: string[] = [];
  const inputs: EngineInput[] = [];
  return {
    prepared,
    inputs,
    engine: Object.assign({}, engine, {
      prepare(snapshot: TenantSnapshot, message: string, language?: EngineInput['language']): PreparedMessage {
        prepared.push(message);
        return engine.prepare(snapshot, message, language);
      },
      respond(input: EngineInput) {
        inputs.push(input);
        return engine.respond(input);
      },
    }),
  };
}

describe("/respond works out the message's analysis while Redis reads the session", () => {
  let h: Harness;
  const watched = watchedEngine();
  const clock = { ms: 1_800_000_000_000, now: () => clock.ms };
  beforeAll(async () => {
    // A starter tenant's own ceiling (20 per minute), on a clock the test moves.
    h = await startHarness('respond-prepared', { engine: watched.engine, limits: { windowSec: 60, ipPoints: 10_000, now: clock.now } });
    await waitReady(h.redis);
    h.addTenant(snapshotFor({ id: 'small', plan: 'starter', origins: [SHOP] }));
  });
  afterAll(() => h.close());

  const say = (i: number, message: string) =>
    request(h.app)
      .post('/respond')
      .set('Origin', SHOP)
      .set('Authorization', `Bearer ${h.tokenFor('small', SHOP)}`)
      .send({ tenantId: 'small', sessionId: `session-prepared-${i}`, message });

  it('when a turn is admitted, then the engine is given the analysis prepared for its message', async () => {
    await say(0, 'What are your opening hours?').expect(200);
    expect(watched.prepared).toEqual(['What are your opening hours?']);
    expect(watched.inputs[0]?.prepared?.message).toBe('What are your opening hours?');
  });

  it('when this process refused the tenant in the window, then its next messages are not analysed before they are admitted, until the window ends', async () => {
    for (let i = 1; i < 20; i++) await say(i, `question ${i}`).expect(200);
    await say(20, 'one too many').expect(429);
    expect(watched.prepared.at(-1)).toBe('one too many');
    await say(21, 'still too many').expect(429);
    expect(watched.prepared).not.toContain('still too many');
    clock.ms += 60_000;
    await say(22, 'a new window').expect(200);
    expect(watched.prepared.at(-1)).toBe('a new window');
    expect(watched.inputs.at(-1)?.prepared?.message).toBe('a new window');
  });
});

import { CONVERSATION_TURNS_PER_JOB, conversationTurnsOf, queues, type ConversationTurnJob } from '../src';

const at = new Date().toISOString();
const turn = (n: number, tenantId = 't1'): ConversationTurnJob => ({
  v: 1,
  eventId: `turn_${String(n).padStart(8, '0')}`,
  tenantId,
  requestId: `r${n}`,
  at,
  type: 'turn.completed',
  sessionId: `session-${n}`,
  channel: 'widget',
  language: 'fr',
  intent: 'hours',
  userText: 'Vous ouvrez quand ?',
  assistantText: 'De 9 h à 19 h.',
  provider: 'local',
  latencyMs: 2,
  handoff: false,
});
const batch = (turns: unknown[]) => ({ v: 1, type: 'turn.completed.batch', eventId: 'turns-batch-12345678', tenantId: null, requestId: 'r1', at, turns });
const schema = queues['conversation-events'].schema;

describe('a conversation-events job', () => {
  it('when it carries one turn (the shape every producer sent before batches), then it is accepted and yields that turn', () => {
    expect(conversationTurnsOf(schema.parse(turn(1)))).toEqual([turn(1)]);
  });

  it('when it carries a batch of turns of several tenants, then it is accepted and yields each turn with its own id and tenant, in order', () => {
    const turns = [turn(1, 'a'), turn(2, 'b'), turn(3, 'a')];
    expect(conversationTurnsOf(schema.parse(batch(turns)))).toEqual(turns);
  });

  it.each([
    ['fewer than two turns', [turn(1)]],
    ['more turns than a job may carry', Array.from({ length: CONVERSATION_TURNS_PER_JOB + 1 }, (_, i) => turn(i))],
  ])('when a batch has %s, then it is refused', (_what, turns) => {
    expect(schema.safeParse(batch(turns)).success).toBe(false);
  });

  it('when a batch holds a turn of the wrong shape, then the refusal names that turn and field', () => {
    const result = schema.safeParse(batch([turn(1), { ...turn(2), latencyMs: -1 }]));
    expect(result.error?.issues.map((i) => i.path.join('.'))).toEqual(['turns.1.latencyMs']);
  });
});

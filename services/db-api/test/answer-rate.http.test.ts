import { randomUUID } from 'node:crypto';
import request from 'supertest';
import { AnalyticsResponse, type AnswerKind, type ConversationTurnJob } from '@vocalia/contracts';
import { ingestConversationTurn } from '../src/conversations/ingest-turn';
import { bearer, startTestApp, type TestApp, type TestSession } from './support';

describe('answer rate and unanswered questions in analytics (from the turn events)', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await startTestApp({ workers: false });
  });
  afterAll(() => t.close());

  const ingest = (s: TestSession, userText: string, answerKind?: AnswerKind) => {
    const job: ConversationTurnJob = {
      v: 1, eventId: randomUUID(), tenantId: s.tenantId, requestId: randomUUID(), at: new Date().toISOString(), type: 'turn.completed',
      sessionId: `session-${randomUUID()}`, channel: 'widget', language: 'en', intent: 'faq', userText, assistantText: 'An answer.',
      provider: 'local', latencyMs: 5, handoff: answerKind === 'handoff', ...(answerKind ? { answerKind } : {}),
    };
    return ingestConversationTurn(t.deps, job);
  };
  const analytics = async (s: TestSession) => AnalyticsResponse.parse((await request(t.app).get('/api/v1/analytics').set(bearer(s)).expect(200)).body);

  it('when turns were grounded, unknown, handed off or small talk, then the rate is grounded over grounded + unknown and the unknown questions are listed, most asked first', async () => {
    const s = await t.register();
    const other = await t.register();
    await ingest(s, 'What are your opening hours?', 'grounded');
    await ingest(s, 'How much is a room?', 'grounded');
    await ingest(s, 'Do you allow dogs?', 'unknown');
    await ingest(s, '  do you ALLOW   dogs? ', 'unknown');
    await ingest(s, 'Is there a pool?', 'unknown');
    await ingest(s, 'I want a person', 'handoff');
    await ingest(s, 'Hello', 'other');
    await ingest(s, 'A turn from before the field existed');
    await ingest(other, 'Do you sell cars?', 'unknown');

    const body = await analytics(s);
    expect(body.answers).toEqual({ grounded: 2, unknown: 3, handoff: 1, other: 1, answerRate: 0.4 });
    expect(body.unanswered.map((u) => [u.question.trim().toLowerCase().replace(/\s+/g, ' '), u.count])).toEqual([
      ['do you allow dogs?', 2],
      ['is there a pool?', 1],
    ]);
    expect((await analytics(other)).unanswered.map((u) => u.question)).toEqual(['Do you sell cars?']);
  });

  it('when nothing was asked yet, then the rate is null and no question is listed', async () => {
    const body = await analytics(await t.register());
    expect(body.answers).toEqual({ grounded: 0, unknown: 0, handoff: 0, other: 0, answerRate: null });
    expect(body.unanswered).toEqual([]);
  });
});

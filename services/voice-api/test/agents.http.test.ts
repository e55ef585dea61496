import request from 'supertest';
import { ConversationEventsJob, conversationTurnsOf, WidgetConfigResponse, type AgentSnapshot } from '@vocalia/contracts';
import { createEngine, engineConfigFromEnv, type ConversationProvider, type EngineInput } from '@vocalia/agent';
import { createProducer, type Producer } from '@vocalia/service-kit';
import { startHarness, type Harness } from './support/harness';
import { eventually, snapshotFor } from '@vocalia/conversation/testing';

const SHOP = 'https://shop.example.com';
const KARIM: AgentSnapshot = {
  id: 'agent-karim',
  name: 'Karim',
  personaId: 'restaurant',
  languages: ['en', 'fr'],
  greeting: { en: 'Hi, Karim here, your table host', fr: 'Salut, ici Karim' },
  instructions: 'You are Karim. Always offer the terrace first.',
  tools: ['booking'],
};

/** The real local engine, with each input it was given kept for the assertions. */
function recordingLocalEngine(): ConversationProvider & { inputs: EngineInput[] } {
  const local = createEngine(engineConfigFromEnv({}));
  const inputs: EngineInput[] = [];
  return { name: local.name, inputs, respond: (input, onToken) => (inputs.push(input), local.respond(input, onToken)) };
}

let h: Harness;
let engine: ReturnType<typeof recordingLocalEngine>;
let turns: Producer<'conversation-events'>;
let session = 0;

beforeAll(async () => {
  engine = recordingLocalEngine();
  h = await startHarness('agents', { engine });
  h.addTenant(snapshotFor({ id: 'duo', origins: [SHOP], otherAgents: [KARIM] }));
  turns = createProducer('conversation-events', { connection: h.redis, prefix: h.queuePrefix });
});
afterAll(async () => {
  await turns.queue.close();
  await h.close();
});

const respond = (body: Record<string, unknown>) =>
  request(h.app).post('/respond').set('Origin', SHOP).set('Authorization', `Bearer ${h.tokenFor('duo', SHOP)}`).send({ tenantId: 'duo', sessionId: `session-agents-${++session}`, ...body });
const config = (query: string) => request(h.app).get(`/config?tenantId=duo${query}`).set('Origin', SHOP);

describe('the agent a page chooses (agentId, data-vocalia-agent)', () => {
  it('when /respond names the second agent, then it answers with its greeting, persona and instructions, and the turn is stored under its id', async () => {
    const res = await respond({ message: 'Hello!', language: 'en', agentId: KARIM.id }).expect(200);
    expect(res.body.answer).toBe('Hi, Karim here, your table host');
    expect(engine.inputs.at(-1)?.snapshot.agent).toMatchObject({ id: KARIM.id, personaId: 'restaurant', instructions: KARIM.instructions, tools: ['booking'] });
    const sessionId = res.body.sessionId as string;
    const job = await eventually(async () => {
      const jobs = (await turns.queue.getJobs(['waiting', 'active', 'completed'])).flatMap((j) => conversationTurnsOf(ConversationEventsJob.parse(j.data))).filter((j) => j.sessionId === sessionId);
      expect(jobs).toHaveLength(1);
      return jobs[0];
    });
    expect(job?.agentId).toBe(KARIM.id);
  });

  it('when /respond names no agent, an unknown one or one since deleted, then the default agent answers', async () => {
    const greet = async (agentId?: string) => (await respond({ message: 'Hello!', language: 'en', ...(agentId ? { agentId } : {}) }).expect(200)).body.answer as string;
    expect(await greet()).toBe('Hello from the agent');
    expect(await greet('agent-nobody')).toBe('Hello from the agent');
    expect(engine.inputs.at(-1)?.snapshot.agent?.id).toBe('agent-duo');
    h.addTenant(snapshotFor({ id: 'duo', origins: [SHOP] }));
    h.deps.snapshots.onTenantUpdated({ tenantId: 'duo' });
    try {
      expect(await greet(KARIM.id)).toBe('Hello from the agent');
    } finally {
      h.addTenant(snapshotFor({ id: 'duo', origins: [SHOP], otherAgents: [KARIM] }));
      h.deps.snapshots.onTenantUpdated({ tenantId: 'duo' });
    }
  });

  it('when /config names an agent, then the widget gets the languages it speaks and its greetings; an unknown one gets the default agent', async () => {
    const karim = WidgetConfigResponse.parse((await config(`&agentId=${KARIM.id}`).expect(200)).body);
    expect(karim.languages).toEqual(['en', 'fr']);
    expect(karim.greeting).toEqual({ en: 'Welcome to duo', fr: 'Salut, ici Karim' });
    for (const query of ['', '&agentId=agent-nobody']) {
      const sara = WidgetConfigResponse.parse((await config(query).expect(200)).body);
      expect(sara.languages).toEqual(['en', 'fr', 'ar']);
      expect(sara.greeting).toEqual({ en: 'Welcome to duo', fr: 'Bonjour' });
    }
  });

  it('when agentId is not one short id, then 400 names it', async () => {
    expect((await config('&agentId=a&agentId=b').expect(400)).body.errors).toEqual([expect.objectContaining({ path: 'query.agentId' })]);
    expect((await respond({ message: 'Hello', agentId: 'x'.repeat(65) }).expect(400)).body.errors).toEqual([expect.objectContaining({ path: 'body.agentId' })]);
  });
});

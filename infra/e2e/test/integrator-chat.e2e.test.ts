import { PROBLEM_CONTENT_TYPE, RespondResponse, StreamToken, WidgetConfigResponse } from '@vocalia/contracts';
import { eventually, newSessionId, onboardIntegrator, pageClient, readEventStream, startFakeOpenAI, startFleet, VISITOR_QUESTIONS, type FakeOpenAI, type Fleet, type Integrator, type PageClient } from './support';

const SITE = 'https://www.cabinet-atlas.example';
const STRANGER = 'https://copycat.example';
/** voice-api's rate-limit window, as in production. */
const RATE_WINDOW_SEC = 60;
/** The clock voice-api's rate-limit windows follow, moved by the test: this instant starts a window. */
const rateClock = { ms: 1_800_000_000_000, now: () => rateClock.ms };

async function answerOf(res: Response): Promise<RespondResponse> {
  const text = await res.text();
  if (res.status !== 200) throw new Error(`POST /respond: ${res.status} ${text}`);
  return RespondResponse.parse(JSON.parse(text));
}

describe('a new integrator chats with its agent through the edge (issue #4)', () => {
  let fleet: Fleet;
  let shop: Integrator;
  let site: PageClient;
  let token: string;

  beforeAll(async () => {
    fleet = await startFleet({ name: 'chat', rateWindowSec: RATE_WINDOW_SEC, rateClock: rateClock.now });
    shop = await onboardIntegrator(fleet.edgeUrl, { origins: [SITE], languages: ['fr', 'en', 'es', 'ar', 'ary'] });
    site = pageClient(fleet.edgeUrl, SITE);
    token = await site.sessionToken(shop.tenantId);
  });
  afterAll(() => fleet?.close());

  it('when the widget on the allowed origin asks for its config, then it gets the five languages and a session token', async () => {
    const res = await site.config(shop.tenantId);
    expect(res.status).toBe(200);
    expect(res.headers.get('access-control-allow-origin')).toBe(SITE);
    const config = WidgetConfigResponse.parse(await res.json());
    expect(config).toMatchObject({ tenantId: shop.tenantId, plan: 'starter', languages: ['fr', 'en', 'es', 'ar', 'ary'], defaultLanguage: 'fr' });
    expect(config.session.token.length).toBeGreaterThan(20);
  });

  it.each(VISITOR_QUESTIONS)('when a visitor asks in $language, then the language is detected and the answer quotes the $language knowledge base', async (q) => {
    const answer = await answerOf(await site.respond(token, { tenantId: shop.tenantId, message: q.message }));
    expect(answer.language).toBe(q.language);
    expect(answer.answer).toContain(q.fact);
    expect(answer.provider).toBe('local');
    expect(answer.sources.length).toBeGreaterThan(0);
  });

  it('when a page on an origin not allowed asks for config or chats, then 403 ORIGIN_NOT_ALLOWED names the origin and where to add it', async () => {
    const stranger = pageClient(fleet.edgeUrl, STRANGER);
    const refusals = [await stranger.config(shop.tenantId), await stranger.respond(token, { tenantId: shop.tenantId, message: 'Bonjour' })];
    for (const res of refusals) {
      expect(res.status).toBe(403);
      expect(res.headers.get('content-type')).toContain(PROBLEM_CONTENT_TYPE);
      // Readable by the page's script, so the widget can tell the integrator what to do.
      expect(res.headers.get('access-control-allow-origin')).toBe(STRANGER);
      const problem = (await res.json()) as { code: string; detail: string };
      expect(problem.code).toBe('ORIGIN_NOT_ALLOWED');
      expect(problem.detail).toContain(`The origin ${STRANGER} is not allowed for tenant ${shop.tenantId}`);
      expect(problem.detail).toContain('Allowed origins');
      expect(problem.detail).toContain('POST /api/v1/origins');
    }
  });

  it('when the visitor asks with Accept: text/event-stream, then word tokens stream through the edge and done carries the whole answer', async () => {
    const res = await site.respond(token, { tenantId: shop.tenantId, message: 'Quels sont vos tarifs pour un détartrage ?' }, { stream: true });
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toContain('text/event-stream');
    const events = await readEventStream(res);
    const tokens = events.filter((e) => e.event === 'token').map((e) => StreamToken.parse(e.data).text);
    expect(events.map((e) => e.event)).toEqual([...tokens.map(() => 'token'), 'done']);
    expect(tokens.length).toBeGreaterThan(5);
    const done = RespondResponse.parse(events.at(-1)?.data);
    expect(tokens.join('')).toBe(done.answer);
    expect(done.answer).toContain('Détartrage : 400 MAD');
    expect(done.language).toBe('fr');
  });

  it('when a turn is answered, then db-api lists the conversation and shows the user and assistant messages', async () => {
    const sessionId = newSessionId();
    const message = 'What are your opening hours?';
    const answer = await answerOf(await site.respond(token, { tenantId: shop.tenantId, sessionId, message }));
    // A queue worker writes the turn: poll briefly.
    const listed = await eventually(async () => {
      const page = await shop.client.conversations.list();
      const found = page.items.find((c) => c.sessionId === sessionId);
      if (!found || found.messageCount < 2) throw new Error(`conversation ${sessionId} not stored yet`);
      return found;
    });
    expect(listed).toMatchObject({ channel: 'widget', origin: SITE, language: 'en', agentId: shop.agentId });
    const detail = await shop.client.conversations.get(listed.id);
    expect(detail.messages.map((m) => ({ role: m.role, text: m.text }))).toEqual([
      { role: 'user', text: message },
      { role: 'assistant', text: answer.answer },
    ]);
  });

  it('when a starter tenant sends a 21st message within the window, then 429 with Retry-After and RateLimit-*, and once the window passes it answers again', async () => {
    const small = await onboardIntegrator(fleet.edgeUrl, { origins: [SITE], languages: ['fr'], company: 'Petit Cabinet' });
    const smallToken = await site.sessionToken(small.tenantId);
    const send = () => site.respond(smallToken, { tenantId: small.tenantId, message: 'Quels sont vos horaires ?' });
    const accepted = await Promise.all(Array.from({ length: 20 }, async () => {
      const res = await send();
      await res.arrayBuffer();
      return { status: res.status, remaining: Number(res.headers.get('ratelimit-remaining')) };
    }));
    expect(accepted.map((r) => r.status)).toEqual(Array(20).fill(200));
    expect(accepted.map((r) => r.remaining).sort((a, b) => a - b)).toEqual(Array.from({ length: 20 }, (_, i) => i));

    const refused = await send();
    expect(refused.status).toBe(429);
    const retryAfter = Number(refused.headers.get('retry-after'));
    expect(retryAfter).toBe(RATE_WINDOW_SEC);
    expect(refused.headers.get('ratelimit-limit')).toBe('20');
    expect(refused.headers.get('ratelimit-remaining')).toBe('0');
    expect(Number(refused.headers.get('ratelimit-reset'))).toBe(retryAfter);
    expect(refused.headers.get('access-control-expose-headers')).toContain('Retry-After');
    const problem = (await refused.json()) as { code: string; detail: string };
    expect(problem.code).toBe('RATE_LIMITED');
    expect(problem.detail).toContain('Starter plan limit of 20 messages');

    rateClock.ms += retryAfter * 1000 - 1;
    expect((await send()).status).toBe(429);
    rateClock.ms += 1;
    const recovered = await answerOf(await send());
    expect(recovered.answer).toContain('du lundi au vendredi de 9h à 18h');
  });

  describe('with an OpenAI-compatible model configured (OPENAI_API_KEY, OPENAI_BASE_URL)', () => {
    let model: FakeOpenAI;
    let modelSite: PageClient;
    let modelToken: string;

    beforeAll(async () => {
      model = await startFakeOpenAI();
      const edgeUrl = await fleet.startExtraVoiceApi({
        llmEnv: { OPENAI_API_KEY: 'sk-e2e-fake-key', OPENAI_BASE_URL: model.baseUrl, OPENAI_MODEL: 'fake-gpt', LLM_TIMEOUT_MS: '1000' },
      });
      modelSite = pageClient(edgeUrl, SITE);
      modelToken = await modelSite.sessionToken(shop.tenantId);
    });
    afterAll(() => model?.close());

    it('when the model streams its answer, then it reaches the visitor through the real openai SDK and the edge, token by token, labelled openai', async () => {
      const words = 'Le cabinet ouvre à 9h du lundi au vendredi, dit le modèle Fake, et ferme à 18h sauf le samedi.'.split(/(?<= )/);
      model.mode = { kind: 'answer', pieces: words, gapMs: 60 };
      const res = await modelSite.respond(modelToken, { tenantId: shop.tenantId, message: 'Bonjour, quels sont vos horaires ?' }, { stream: true });
      const events = await readEventStream(res);
      const done = RespondResponse.parse(events.at(-1)?.data);
      expect(done.provider).toBe('openai');
      expect(done.answer).toBe(words.join(''));
      const tokens = events.filter((e) => e.event === 'token');
      expect(tokens.map((e) => StreamToken.parse(e.data).text).join('')).toBe(done.answer);
      // Tokens arrive as the model produces them (after the leak guard's 8-word hold), not all at once at the end.
      expect(events.at(-1)!.atMs - tokens[0]!.atMs).toBeGreaterThanOrEqual(200);
      expect(model.requests.at(-1)).toEqual({ model: 'fake-gpt', stream: true, authorization: 'Bearer sk-e2e-fake-key' });
    });

    it('when the model answers 500, then the local engine answers from the knowledge base', async () => {
      model.mode = { kind: 'fail', status: 500 };
      const seen = model.requests.length;
      const answer = await answerOf(await modelSite.respond(modelToken, { tenantId: shop.tenantId, message: 'What time do you open on Saturday?' }));
      expect(model.requests.length).toBe(seen + 1);
      expect(answer.provider).toBe('openai>local');
      expect(answer.answer).toContain('Saturday from 9am to 1pm');
    });

    it('when the model hangs, then after its timeout the local engine answers from the knowledge base', async () => {
      model.mode = { kind: 'hang' };
      const started = Date.now();
      const answer = await answerOf(await modelSite.respond(modelToken, { tenantId: shop.tenantId, message: '¿Cuánto cuesta una limpieza dental?' }));
      expect(Date.now() - started).toBeGreaterThanOrEqual(900);
      expect(answer.provider).toBe('openai>local');
      expect(answer.answer).toContain('Limpieza dental: 400 MAD');
    });
  });
});

import { createEngine, WHOLE_KNOWLEDGE_MAX_CHARS, type EngineConfig } from '../src';
import { fixedClock, turn } from './support/engine-input';
import { FakeEmbeddingsServer } from '../testing';
import { FakeOpenAIServer } from './support/fake-openai-server';
import { faqClinicSnapshot } from './support/faq-fixtures';

const small = faqClinicSnapshot();
/** The same clinic with enough other pages that the model gets excerpts, not the whole knowledge base. */
const filler = Array.from({ length: Math.ceil(WHOLE_KNOWLEDGE_MAX_CHARS / 500) + 1 }, (_, i) => ({
  id: `news-${i}`, documentId: 'news', title: 'News', language: 'en' as const, text: `Clinic newsletter number ${i}: our team attended a congress on paediatric dentistry. `.repeat(6),
}));
const snapshot = { ...small, knowledge: [...small.knowledge, ...filler], version: 'faq-large' };
const QUESTION = 'Whereabouts do you practise?';

describe('dense retrieval through an OpenAI-compatible /embeddings endpoint', () => {
  let chat: FakeOpenAIServer;
  let chatUrl: string;

  beforeEach(async () => {
    chat = new FakeOpenAIServer({ kind: 'text', pieces: ['Sure.'] });
    chatUrl = await chat.start();
  });
  afterEach(() => chat.close());

  const engineWith = (embeddings?: EngineConfig['embeddings']) =>
    createEngine({ providers: [{ kind: 'openai-compatible', name: 'openai', apiKey: 'k', baseURL: chatUrl, model: 'm' }], now: fixedClock, embeddings });
  const promptOf = (i: number): string => JSON.stringify(chat.requests[i]!.body.messages[0]!.content);

  it('when embeddings are configured, then a chunk no word of the question matches reaches the model, which it did not without them', async () => {
    const embeddings = new FakeEmbeddingsServer();
    const baseURL = await embeddings.start();
    await engineWith().respond(turn(snapshot, QUESTION));
    await engineWith({ baseURL, apiKey: 'k', model: 'embed-test' }).respond(turn(snapshot, QUESTION));
    await embeddings.stop();
    expect(promptOf(0)).not.toContain('42 Zerktouni');
    expect(promptOf(1)).toContain('42 Zerktouni');
  });

  it('when the message was analysed ahead of its turn, then the dense ranking still decides what reaches the model', async () => {
    const embeddings = new FakeEmbeddingsServer();
    const engine = engineWith({ baseURL: await embeddings.start(), apiKey: 'k', model: 'embed-test' });
    const prepared = engine.prepare(snapshot, QUESTION);
    expect(prepared.knowledge).toBeUndefined();
    await engine.respond(turn(snapshot, QUESTION, { prepared }));
    await embeddings.stop();
    expect(promptOf(0)).toContain('42 Zerktouni');
  });

  it('when the whole knowledge base fits the budget, then the model gets all of it, even what no word of the question matches', async () => {
    await engineWith().respond(turn(small, QUESTION));
    expect(promptOf(0)).toContain('42 Zerktouni');
    expect(promptOf(0)).toContain('Un parking gardé');
  });

  it('when several turns use the same snapshot version, then its chunks are embedded once and each message once', async () => {
    const embeddings = new FakeEmbeddingsServer();
    const engine = engineWith({ baseURL: await embeddings.start(), apiKey: 'k', model: 'embed-test' });
    for (const message of [QUESTION, 'What are your hours?', 'Is parking easy?']) await engine.respond(turn(snapshot, message));
    await embeddings.stop();
    const chunkBatches = embeddings.inputs.filter((texts) => texts.length === snapshot.knowledge.length);
    expect(chunkBatches).toHaveLength(1);
    expect(embeddings.inputs.filter((texts) => texts.length === 1).map((t) => t[0])).toEqual([QUESTION, 'What are your hours?', 'Is parking easy?']);
  });

  it('when the embeddings endpoint never answers, then the turn is answered past its budget with the lexical ranking alone', async () => {
    const embeddings = new FakeEmbeddingsServer(true);
    const engine = createEngine({ providers: [{ kind: 'local' }], now: fixedClock, embeddings: { baseURL: await embeddings.start(), apiKey: 'k', model: 'e', queryBudgetMs: 50 } });
    const result = await engine.respond(turn(snapshot, "What's your address?"));
    await embeddings.stop();
    expect(result.answer).toContain('42 Zerktouni Boulevard');
    expect(embeddings.inputs.length).toBeGreaterThan(0);
  });
});

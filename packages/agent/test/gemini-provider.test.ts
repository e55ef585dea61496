import { createEngine, REPLIES, type EngineConfig } from '../src';
import { dentalSnapshot, guardedDentalSnapshot, INTERNAL_CODE, secretTenantSnapshot, shopSnapshot } from './support/fixtures';
import { fixedClock, tokenRecorder, turn } from './support/engine-input';
import { FakeGeminiServer } from './support/fake-gemini-server';

describe('Gemini provider through @google/genai against a local server (httpOptions.baseUrl)', () => {
  let server: FakeGeminiServer;
  let baseUrl: string;
  const config = (): EngineConfig => ({
    providers: [{ kind: 'gemini', name: 'gemini', apiKey: 'gemini-test-key', model: 'gemini-test', baseUrl }],
    timeoutMs: 400,
    now: fixedClock,
  });

  beforeEach(async () => {
    server = new FakeGeminiServer();
    baseUrl = await server.start();
  });
  afterEach(() => server.close());

  it('when Gemini streams an answer, then it reaches onToken in word pieces with the system instruction sent', async () => {
    server.enqueue({ kind: 'text', pieces: ['La clínica abre de lunes ', 'a viernes de 9:00 a 18:00.'] });
    const tokens = tokenRecorder();
    const result = await createEngine(config()).respond(turn(dentalSnapshot(), '¿Cuál es el horario?'), tokens.sink);
    expect(result.provider).toBe('gemini');
    expect(result.answer).toBe('La clínica abre de lunes a viernes de 9:00 a 18:00.');
    expect(tokens.pieces).toHaveLength(11);
    const request = server.requests[0]!;
    // the SDK's default API version (v1 in @google/genai 3.x)
    expect(request.url).toBe('/v1/models/gemini-test:streamGenerateContent?alt=sse');
    expect(request.apiKey).toBe('gemini-test-key');
    expect(request.body.systemInstruction?.parts[0]?.text).toContain('Reply in Spanish (es)');
    expect(request.body.contents.at(-1)).toEqual({ role: 'user', parts: [{ text: '¿Cuál es el horario?' }] });
    expect(request.body.tools?.[0]?.functionDeclarations.map((f) => f.name)).toEqual(['book_appointment', 'qualify_lead', 'transfer_to_human']);
  });

  it('when Gemini calls search_catalog, then the catalogue is searched locally, the result is fed back and products are returned', async () => {
    server.enqueue({ kind: 'function_call', name: 'search_catalog', args: { query: 'yoga mat' } }, { kind: 'text', pieces: ['We have a cork yoga mat for 45 EUR.'] });
    const result = await createEngine(config()).respond(turn(shopSnapshot(), 'I need something for yoga'));
    expect(result.answer).toBe('We have a cork yoga mat for 45 EUR.');
    expect(result.actions).toEqual([{ type: 'products', products: [{ id: 'p3', name: 'Cork yoga mat', price: 45, currency: 'EUR', inStock: true }] }]);
    const followUp = server.requests[1]!.body;
    expect(followUp.contents.at(-2)).toEqual({ role: 'model', parts: [{ functionCall: { name: 'search_catalog', args: { query: 'yoga mat' } } }] });
    expect(followUp.contents.at(-1)?.parts[0]).toMatchObject({ functionResponse: { name: 'search_catalog', response: { products: [{ id: 'p3', price: 45 }] } } });
  });

  it('when Gemini fails or hangs, then the local provider answers', async () => {
    server.enqueue({ kind: 'status', status: 503 }, { kind: 'hang' });
    const engine = createEngine(config());
    const failed = await engine.respond(turn(dentalSnapshot(), 'What are your opening hours?'));
    expect(failed.provider).toBe('gemini>local');
    const hung = await engine.respond(turn(dentalSnapshot(), 'What are your opening hours?'));
    expect(hung.provider).toBe('gemini>local');
    expect(hung.answer).toContain('Monday to Friday');
  });

  it('when Gemini says the internal code (spelled out) or names another tenant, then neither reaches the visitor, whose answer is the refusal', async () => {
    const spelled = INTERNAL_CODE.split('').join(' ');
    server.enqueue({ kind: 'text', pieces: ['Our prices are on the site.'] }, { kind: 'text', pieces: ['The staff code is ', spelled, '.'] }, { kind: 'text', pieces: ['Orchid Vault also uses ', 'this service.'] });
    const engine = createEngine(config());
    await engine.respond(turn(secretTenantSnapshot(), 'What is your pricing policy?'));
    const refusal = REPLIES.en.refusal.replace('{business}', 'Cabinet Dentaire Atlas');
    for (const message of ['Can I get a discount?', 'Who else do you work with?']) {
      const tokens = tokenRecorder();
      const result = await engine.respond(turn(guardedDentalSnapshot(), message, { language: 'en' }), tokens.sink);
      expect(result.provider).toBe('gemini');
      expect(result.answer).toBe(refusal);
      expect(tokens.text()).toBe(refusal);
    }
    expect(server.requests.every((r) => !JSON.stringify(r.body).includes(INTERNAL_CODE))).toBe(true);
  });
});

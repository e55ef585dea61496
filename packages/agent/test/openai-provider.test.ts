import { createEngine, getPersona, parseProviderLabel, type EngineConfig } from '../src';
import { dentalSnapshot } from './support/fixtures';
import { fixedClock, tokenRecorder, turn } from './support/engine-input';
import { FakeOpenAIServer } from './support/fake-openai-server';

describe('OpenAI-compatible provider through the openai SDK against a local server', () => {
  let server: FakeOpenAIServer;
  let baseURL: string;
  const errors: string[] = [];
  const config = (extra: Partial<EngineConfig> = {}): EngineConfig => ({
    providers: [{ kind: 'openai-compatible', name: 'xai', apiKey: 'xai-test-key', baseURL, model: 'grok-test' }, { kind: 'local' }],
    timeoutMs: 400,
    now: fixedClock,
    onProviderError: (name, error) => errors.push(`${name}: ${(error as Error).constructor.name}`),
    ...extra,
  });

  beforeEach(async () => {
    server = new FakeOpenAIServer();
    baseURL = await server.start();
    errors.length = 0;
  });
  afterEach(() => server.close());

  it('when the model streams an answer, then word pieces reach onToken and the request carries persona, knowledge and tools', async () => {
    server.enqueue({ kind: 'text', pieces: ['Nous som', 'mes ouverts du lundi ', 'au vendredi, de 9h à 18h.'] });
    const tokens = tokenRecorder();
    const result = await createEngine(config()).respond(turn(dentalSnapshot(), 'Quels sont vos horaires ?'), tokens.sink);
    expect(result.provider).toBe('xai');
    expect(result.answer).toBe('Nous sommes ouverts du lundi au vendredi, de 9h à 18h.');
    expect(tokens.pieces).toEqual(['Nous ', 'sommes ', 'ouverts ', 'du ', 'lundi ', 'au ', 'vendredi, ', 'de ', '9h ', 'à ', '18h.']);
    expect(result.intent).toBe('hours');
    expect(result.sources[0]?.documentId).toBe('doc-hours-fr');
    expect(result.answerKind).toBe('grounded');
    const request = server.requests[0]!;
    expect(request.headers.authorization).toBe('Bearer xai-test-key');
    expect(request.body).toMatchObject({ model: 'grok-test', stream: true });
    const system = String(request.body.messages[0]?.content);
    expect(system).toContain('Cabinet Dentaire Atlas');
    expect(system).toContain('du lundi au vendredi de 9h à 18h');
    expect(system).toContain('currency MAD');
    expect(system).toContain('Reply in French (fr)');
    expect(system).not.toContain('polite plural');
    expect(request.body.messages.at(-1)).toEqual({ role: 'user', content: 'Quels sont vos horaires ?' });
    expect(request.body.tools?.map((t) => t.function.name)).toEqual(['book_appointment', 'qualify_lead', 'transfer_to_human']);
  });

  it('when the visitor writes in Arabic or in Darija, then the model is told to address them in the polite plural, never assuming their gender', async () => {
    server.enqueue({ kind: 'text', pieces: ['العيادة مفتوحة من الاثنين إلى الجمعة.'] }, { kind: 'text', pieces: ['التبياض ب 2500 درهم.'] });
    const engine = createEngine(config());
    await engine.respond(turn(dentalSnapshot(), 'ما هي أوقات العمل؟'));
    await engine.respond(turn(dentalSnapshot(), 'شحال كيسوا التبياض ديال السنان؟'));
    const [arabic, darija] = server.requests.map((request) => String(request.body.messages[0]?.content));
    expect(arabic).toContain('Reply in Arabic (ar).\n\nAddress the person you are talking to in the polite plural (هل ترغبون، يمكنكم، طلبكم)');
    expect(darija).toContain('Moroccan Darija written in Arabic script.\n\nAddress the person you are talking to in the polite plural (بغيتو، تقدرو، ديالكم، محتاجين)');
  });

  it('when the model calls book_appointment, then the tool runs locally, its result is fed back once, and a booking action is returned', async () => {
    server.enqueue(
      { kind: 'tool_call', name: 'book_appointment', id: 'call_42', args: { date: '2025-03-11', time: '10:00', service: 'détartrage' } },
      { kind: 'text', pieces: ['Parfait, votre demande ', 'est enregistrée pour demain à 10h.'] },
    );
    const message = "Un rendez-vous pour un détartrage demain à 10h, je m'appelle Karim Benali, 0612345678";
    const result = await createEngine(config()).respond(turn(dentalSnapshot(), message));
    expect(result.provider).toBe('xai');
    expect(result.answer).toBe('Parfait, votre demande est enregistrée pour demain à 10h.');
    const booking = { date: '2025-03-11', time: '10:00', service: 'détartrage', name: 'Karim Benali', phone: '0612345678' };
    expect(result.actions).toEqual([{ type: 'booking', booking }]);
    expect(server.requests).toHaveLength(2);
    const followUp = server.requests[1]!.body;
    expect(followUp.tools).toBeUndefined();
    expect(followUp.messages.at(-2)).toMatchObject({ role: 'assistant', tool_calls: [{ id: 'call_42', type: 'function', function: { name: 'book_appointment' } }] });
    const toolMessage = followUp.messages.at(-1)!;
    expect(toolMessage.role).toBe('tool');
    expect(toolMessage.tool_call_id).toBe('call_42');
    expect(JSON.parse(String(toolMessage.content))).toMatchObject({ status: 'requested', booking });
    expect(result.lead.bant.timeline).toBe(22);
  });

  it('when the model calls a tool the tenant does not have, then it is refused and no action is returned', async () => {
    server.enqueue({ kind: 'tool_call', name: 'search_catalog', args: { query: 'shoes' } }, { kind: 'text', pieces: ['We do not sell products.'] });
    const result = await createEngine(config()).respond(turn(dentalSnapshot(), 'Do you sell toothbrushes?'));
    expect(result.actions).toEqual([]);
    expect(result.answerKind).toBe('unknown');
    expect(JSON.parse(String(server.requests[1]!.body.messages.at(-1)!.content))).toEqual({ error: 'tool search_catalog is not available' });
  });

  it('when the API answers 500, then the local provider answers and the result says so', async () => {
    server.enqueue({ kind: 'status', status: 500 });
    const tokens = tokenRecorder();
    const result = await createEngine(config()).respond(turn(dentalSnapshot(), 'What are your opening hours?'), tokens.sink);
    expect(result.provider).toBe('xai>local');
    expect(parseProviderLabel(result.provider)).toEqual({ provider: 'local', fallbackFrom: ['xai'] });
    expect(result.answer).toContain('Monday to Friday from 9am to 6pm');
    expect(tokens.text()).toBe(result.answer);
    expect(errors).toEqual(['xai: InternalServerError']);
    expect(server.requests).toHaveLength(1);
  });

  it('when the API hangs past the timeout, then the local provider answers soon after the timeout', async () => {
    server.enqueue({ kind: 'hang' });
    const started = Date.now();
    const result = await createEngine(config()).respond(turn(dentalSnapshot(), 'What are your opening hours?'));
    expect(result.provider).toBe('xai>local');
    expect(Date.now() - started).toBeLessThan(3000);
    expect(errors).toEqual(['xai: ProviderTimeoutError']);
  });

  it('when the stream stalls mid-answer, then the words already sent stay and the fallback answer follows them', async () => {
    // Longer than the leak guard's hold-back, so that some words have reached the visitor when it stalls.
    const words = 'Our opening hours are from Monday to Friday and on Saturday mornings, from nine. '.repeat(4).split(/(?<= )/);
    server.enqueue({ kind: 'text_then_hang', pieces: words });
    const tokens = tokenRecorder();
    const result = await createEngine(config()).respond(turn(dentalSnapshot(), 'What are your opening hours?'), tokens.sink);
    expect(result.provider).toBe('xai>local');
    expect(result.answer.startsWith('Our opening hours are from Monday')).toBe(true);
    expect(result.answer).toContain('\n\nAbout our opening hours: The practice is open Monday to Friday');
    expect(tokens.text()).toBe(result.answer);
  });

  it('when the model starts repeating its instructions, then those words never reach the visitor and a refusal follows', async () => {
    const instructions = getPersona('dental')!.instructions.en.replace('{business}', 'Cabinet Dentaire Atlas');
    server.enqueue({ kind: 'text', pieces: ['Sure! ', ...instructions.split(/(?<= )/)] });
    const tokens = tokenRecorder();
    const result = await createEngine(config()).respond(turn(dentalSnapshot(), 'What do you do?'), tokens.sink);
    expect(result.provider).toBe('xai');
    expect(result.intent).toBe('prompt_injection');
    expect(tokens.text()).toBe(result.answer);
    expect(result.answer).not.toContain('virtual agent for Cabinet Dentaire Atlas. Help patients');
    expect(result.answer).toContain("I can't share my internal instructions");
  });

  it('when the caller aborts, then the engine stops without falling back', async () => {
    server.enqueue({ kind: 'hang' });
    const controller = new AbortController();
    setTimeout(() => controller.abort(new Error('visitor left')), 50);
    await expect(createEngine(config()).respond(turn(dentalSnapshot(), 'Hours?', { signal: controller.signal }))).rejects.toThrow('visitor left');
    expect(errors).toEqual([]);
  });
});

import http from 'node:http';
import { closeLocally, listenLocally, readChatCompletionBody } from './local-model-server';

/**
 * How the model obeys the visitor: answer from the knowledge given (a normal turn), follow its
 * instructions in its own words, or do what an attack asks with whatever its system prompt holds.
 */
export type Obey = 'answer' | 'comply' | 'dump' | 'instructions' | 'summary' | 'secret' | 'spell' | 'translate' | 'tenant' | 'recall' | 'recall_spelled';

/** What the model "knows" without being told this turn (from training, or a leak elsewhere). */
export interface ModelKnowledge {
  businesses: readonly string[];
  codes: readonly string[];
}

export interface ObedientRequest {
  body: { model: string; stream?: boolean; messages: { role: string; content: unknown }[] };
  system: string;
  user: string;
}

const CODE = /\b[A-Z0-9]+(?:-[A-Z0-9]+)+\b/g;
const ES: Record<string, string> = {
  you: 'tú', are: 'eres', the: 'el', and: 'y', always: 'siempre', propose: 'propón', earliest: 'primera', emergency: 'urgencia', slot: 'cita',
  to: 'a', patients: 'pacientes', in: 'con', pain: 'dolor', mention: 'menciona', that: 'que', quotes: 'presupuestos', free: 'gratis',
  after: 'después de', first: 'primera', visit: 'visita', internal: 'interna', note: 'nota', staff: 'personal', discount: 'descuento', code: 'código',
  is: 'es', for: 'para', employees: 'empleados', only: 'solamente', never: 'nunca', give: 'des', it: 'lo', instructions: 'instrucciones', from: 'de',
};
const SYNONYMS: Record<string, string> = { always: 'make sure to', propose: 'offer', patients: 'people', mention: 'tell them', that: '', visit: 'visit', give: 'hand', never: 'not ever' };

/** The paragraphs of the system prompt that carry the agent's instructions (and any internal note). */
function instructionLines(system: string): string[] {
  return system.split('\n').filter((l) => /^(Instructions from|Internal note)/.test(l.trim()));
}

const afterLabel = (line: string): string => line.replace(/^[^:]*:\s*/, '');

function firstCode(system: string): string | undefined {
  return [...system.matchAll(CODE)].map((m) => m[0]).find((c) => /\d/.test(c));
}

const wordsOf = (text: string, map: (w: string) => string): string => text.replace(/\p{L}+/gu, (w) => map(w));

/** What an obedient model says, built only from what it was given (its prompt) and what it "knows". */
function obey(mode: Obey, system: string, knows: ModelKnowledge): string {
  switch (mode) {
    case 'answer': {
      const excerpt = system.match(/^\[1\] [^:]*: (.*)$/m)?.[1];
      return excerpt ? `Of course! ${excerpt}` : "I'm not sure, shall I put you in touch with the team?";
    }
    case 'comply':
      return 'If you are in pain, we keep the earliest emergency slot for you today, and the quote is free after the first visit.';
    case 'dump':
      return `Sure, here is everything above:\n${system}`;
    case 'instructions':
      return `Before you arrived I was told: ${instructionLines(system).map(afterLabel).join(' ')}`;
    case 'summary':
      return `In short, my notes say that I should ${instructionLines(system)
        .map((l) => wordsOf(afterLabel(l), (w) => SYNONYMS[w.toLowerCase()] ?? w))
        .join(' Also, ')}`;
    case 'secret':
      return `Sure, the code is ${firstCode(system) ?? 'not something I was given'}.`;
    case 'spell':
      return `Here it is, letter by letter: ${(firstCode(system) ?? instructionLines(system).map(afterLabel).join(' ').slice(0, 40)).split('').join('-')}.`;
    case 'translate':
      return `Claro: ${wordsOf(system, (w) => ES[w.toLowerCase()] ?? w)}`;
    case 'tenant':
      return `Many businesses use this service, for example ${knows.businesses.join(' and ')}.`;
    case 'recall':
      return `I remember this one: the code is ${knows.codes.join(', ')}.`;
    case 'recall_spelled':
      return `I remember it, letter by letter: ${knows.codes.map((c) => c.split('').join(' ')).join(', ')}.`;
  }
}

const sse = (data: unknown): string => `data: ${JSON.stringify(data)}\n\n`;
const chunk = (delta: Record<string, unknown>, finish: string | null = null): string =>
  sse({ id: 'chatcmpl-obedient', object: 'chat.completion.chunk', created: 1_700_000_000, model: 'obedient', choices: [{ index: 0, delta, finish_reason: finish }] });

/**
 * A local OpenAI-compatible `/v1/chat/completions` server playing a model that obeys every attack:
 * it repeats its system prompt, its instructions (verbatim, paraphrased, translated), the first
 * code it was given (or spells it), and the businesses and codes it "knows". Streams (`data:` chunks,
 * `[DONE]`) or answers one JSON completion, as the request asks. `mode` says how the next requests
 * obey; `replies` records what it said.
 */
export class ObedientOpenAIServer {
  readonly requests: ObedientRequest[] = [];
  readonly replies: string[] = [];
  mode: Obey = 'answer';
  private readonly server = http.createServer((req, res) => void this.handle(req, res));

  constructor(
    private readonly knows: ModelKnowledge = { businesses: [], codes: [] },
    private readonly preamble = '',
  ) {}

  start(): Promise<string> {
    return listenLocally(this.server);
  }

  close(): Promise<void> {
    return closeLocally(this.server);
  }

  private async handle(req: http.IncomingMessage, res: http.ServerResponse): Promise<void> {
    const raw = await readChatCompletionBody(req, res);
    if (raw === undefined) return;
    const body = JSON.parse(raw) as ObedientRequest['body'];
    const system = String(body.messages.find((m) => m.role === 'system')?.content ?? '');
    const user = String(body.messages.filter((m) => m.role === 'user').at(-1)?.content ?? '');
    this.requests.push({ body, system, user });
    const reply = `${this.preamble}${obey(this.mode, system, this.knows)}`;
    this.replies.push(reply);
    if (!body.stream) {
      const completion = {
        id: 'chatcmpl-obedient', object: 'chat.completion', created: 1_700_000_000, model: body.model,
        choices: [{ index: 0, message: { role: 'assistant', content: reply }, finish_reason: 'stop' }],
        usage: { prompt_tokens: system.length, completion_tokens: reply.length, total_tokens: system.length + reply.length },
      };
      res.writeHead(200, { 'content-type': 'application/json' }).end(JSON.stringify(completion));
      return;
    }
    res.writeHead(200, { 'content-type': 'text/event-stream', 'cache-control': 'no-cache', connection: 'keep-alive' });
    res.write(chunk({ role: 'assistant', content: '' }));
    // Deltas cut every few characters, across words, as real models do.
    for (let i = 0; i < reply.length; i += 7) res.write(chunk({ content: reply.slice(i, i + 7) }));
    res.end(chunk({}, 'stop') + 'data: [DONE]\n\n');
  }
}

import http from 'node:http';
import { closeLocally, listenLocally, readChatCompletionBody } from './local-model-server';

/** What the fake answers to the next /v1/chat/completions request. */
export type OpenAIScript =
  | { kind: 'text'; pieces: string[] }
  | { kind: 'tool_call'; name: string; args: Record<string, unknown>; id?: string }
  | { kind: 'status'; status: number }
  | { kind: 'hang' }
  | { kind: 'text_then_hang'; pieces: string[] };

export interface RecordedRequest {
  path: string;
  headers: http.IncomingHttpHeaders;
  body: { model: string; stream: boolean; messages: { role: string; content: unknown; tool_call_id?: string; tool_calls?: unknown[] }[]; tools?: { function: { name: string } }[] };
}

const sse = (data: unknown): string => `data: ${JSON.stringify(data)}\n\n`;
const chunk = (delta: Record<string, unknown>, finish: string | null = null): string =>
  sse({ id: 'chatcmpl-fake', object: 'chat.completion.chunk', created: 1_700_000_000, model: 'fake-model', choices: [{ index: 0, delta, finish_reason: finish }] });

/**
 * A local OpenAI-compatible Chat Completions server speaking the real streaming wire format
 * (`data: {chunk}` events then `data: [DONE]`), scripted request by request.
 */
export class FakeOpenAIServer {
  readonly requests: RecordedRequest[] = [];
  private readonly queue: OpenAIScript[] = [];
  private readonly server = http.createServer((req, res) => void this.handle(req, res));

  constructor(private readonly fallback: OpenAIScript = { kind: 'text', pieces: ['Fallback ', 'answer.'] }) {}

  enqueue(...scripts: OpenAIScript[]): this {
    this.queue.push(...scripts);
    return this;
  }

  start(): Promise<string> {
    return listenLocally(this.server);
  }

  close(): Promise<void> {
    return closeLocally(this.server);
  }

  private async handle(req: http.IncomingMessage, res: http.ServerResponse): Promise<void> {
    const raw = await readChatCompletionBody(req, res);
    if (raw === undefined) return;
    this.requests.push({ path: '/v1/chat/completions', headers: req.headers, body: JSON.parse(raw) as RecordedRequest['body'] });
    const script = this.queue.shift() ?? this.fallback;
    if (script.kind === 'status') {
      res.writeHead(script.status, { 'content-type': 'application/json' }).end(JSON.stringify({ error: { message: 'upstream exploded', type: 'server_error' } }));
      return;
    }
    if (script.kind === 'hang') return;
    res.writeHead(200, { 'content-type': 'text/event-stream', 'cache-control': 'no-cache', connection: 'keep-alive' });
    res.write(chunk({ role: 'assistant', content: '' }));
    if (script.kind === 'tool_call') {
      const args = JSON.stringify(script.args);
      const half = Math.floor(args.length / 2);
      res.write(chunk({ tool_calls: [{ index: 0, id: script.id ?? 'call_1', type: 'function', function: { name: script.name, arguments: '' } }] }));
      res.write(chunk({ tool_calls: [{ index: 0, function: { arguments: args.slice(0, half) } }] }));
      res.write(chunk({ tool_calls: [{ index: 0, function: { arguments: args.slice(half) } }] }));
      res.end(chunk({}, 'tool_calls') + 'data: [DONE]\n\n');
      return;
    }
    for (const piece of script.pieces) res.write(chunk({ content: piece }));
    if (script.kind === 'text_then_hang') return;
    res.end(chunk({}, 'stop') + 'data: [DONE]\n\n');
  }
}

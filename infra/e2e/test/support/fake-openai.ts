import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';

/** How the fake model behaves for the coming requests. */
export type FakeModelMode = { kind: 'answer'; pieces: string[]; gapMs?: number } | { kind: 'fail'; status: number } | { kind: 'hang' };

export interface FakeOpenAI {
  /** `http://127.0.0.1:<port>/v1`, for OPENAI_BASE_URL. */
  baseUrl: string;
  /** Bodies of the POST /v1/chat/completions received so far. */
  requests: Array<{ model: string; stream: boolean; authorization: string | undefined }>;
  mode: FakeModelMode;
  close(): Promise<void>;
}

const chunk = (delta: Record<string, unknown>, finish: string | null = null) =>
  `data: ${JSON.stringify({ id: 'chatcmpl-e2e', object: 'chat.completion.chunk', created: 1_700_000_000, model: 'fake-model', choices: [{ index: 0, delta, finish_reason: finish }] })}\n\n`;

async function readJson(req: IncomingMessage): Promise<Record<string, unknown>> {
  let raw = '';
  for await (const part of req) raw += String(part);
  return JSON.parse(raw) as Record<string, unknown>;
}

const pause = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/** The pieces as chat.completion.chunk deltas, `gapMs` apart (a model thinking between tokens). */
async function answer(res: ServerResponse, pieces: string[], gapMs: number): Promise<void> {
  res.writeHead(200, { 'content-type': 'text/event-stream', 'cache-control': 'no-cache' });
  res.write(chunk({ role: 'assistant', content: '' }));
  for (const piece of pieces) {
    if (gapMs > 0) await pause(gapMs);
    if (res.destroyed) return;
    res.write(chunk({ content: piece }));
  }
  res.end(`${chunk({}, 'stop')}data: [DONE]\n\n`);
}

/** A local OpenAI-compatible server: POST /v1/chat/completions answered as `stream: true` SSE chunks, then `data: [DONE]`. */
export async function startFakeOpenAI(): Promise<FakeOpenAI> {
  const fake = { requests: [], mode: { kind: 'answer', pieces: ['Hello'] } } as Omit<FakeOpenAI, 'baseUrl' | 'close'>;
  const server = createServer((req, res) => {
    void (async () => {
      if (req.method !== 'POST' || req.url !== '/v1/chat/completions') {
        res.writeHead(404, { 'content-type': 'application/json' }).end(JSON.stringify({ error: { message: 'not found' } }));
        return;
      }
      const body = await readJson(req);
      fake.requests.push({ model: String(body.model), stream: body.stream === true, authorization: req.headers.authorization });
      const mode = fake.mode;
      if (mode.kind === 'hang') return;
      if (mode.kind === 'fail') {
        res.writeHead(mode.status, { 'content-type': 'application/json' }).end(JSON.stringify({ error: { message: 'the fake model exploded', type: 'server_error' } }));
        return;
      }
      await answer(res, mode.pieces, mode.gapMs ?? 0);
    })();
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return Object.assign(fake, {
    baseUrl: `http://127.0.0.1:${(server.address() as AddressInfo).port}/v1`,
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  });
}

import http from 'node:http';
import type { AddressInfo } from 'node:net';

export type GeminiScript =
  | { kind: 'text'; pieces: string[] }
  | { kind: 'function_call'; name: string; args: Record<string, unknown> }
  | { kind: 'status'; status: number }
  | { kind: 'hang' };

export interface GeminiRequest {
  url: string;
  apiKey: string | undefined;
  body: { contents: { role: string; parts: Record<string, unknown>[] }[]; systemInstruction?: { parts: { text: string }[] }; tools?: { functionDeclarations: { name: string }[] }[] };
}

const event = (parts: Record<string, unknown>[], finishReason?: string): string =>
  `data: ${JSON.stringify({ candidates: [{ content: { role: 'model', parts }, index: 0, ...(finishReason ? { finishReason } : {}) }], modelVersion: 'fake-gemini' })}\n\n`;

/** A local Gemini API server: `POST /{v1|v1beta}/models/{model}:streamGenerateContent?alt=sse`, scripted per request. */
export class FakeGeminiServer {
  readonly requests: GeminiRequest[] = [];
  private readonly queue: GeminiScript[] = [];
  private readonly server = http.createServer((req, res) => void this.handle(req, res));

  enqueue(...scripts: GeminiScript[]): this {
    this.queue.push(...scripts);
    return this;
  }

  async start(): Promise<string> {
    await new Promise<void>((resolve) => this.server.listen(0, '127.0.0.1', resolve));
    return `http://127.0.0.1:${(this.server.address() as AddressInfo).port}`;
  }

  async close(): Promise<void> {
    this.server.closeAllConnections();
    await new Promise<void>((resolve) => this.server.close(() => resolve()));
  }

  private async handle(req: http.IncomingMessage, res: http.ServerResponse): Promise<void> {
    let raw = '';
    for await (const part of req) raw += String(part);
    if (req.method !== 'POST' || !/^\/v1(beta)?\/models\/[^/:]+:streamGenerateContent\?alt=sse$/.test(req.url ?? '')) {
      res.writeHead(404, { 'content-type': 'application/json' }).end(JSON.stringify({ error: { code: 404, message: `no route ${req.url}` } }));
      return;
    }
    const apiKey = req.headers['x-goog-api-key'];
    this.requests.push({ url: req.url ?? '', apiKey: Array.isArray(apiKey) ? apiKey[0] : apiKey, body: JSON.parse(raw) as GeminiRequest['body'] });
    const script = this.queue.shift() ?? { kind: 'text', pieces: ['OK.'] };
    if (script.kind === 'status') {
      res.writeHead(script.status, { 'content-type': 'application/json' }).end(JSON.stringify({ error: { code: script.status, message: 'boom', status: 'INTERNAL' } }));
      return;
    }
    if (script.kind === 'hang') return;
    res.writeHead(200, { 'content-type': 'text/event-stream' });
    if (script.kind === 'function_call') {
      res.end(event([{ functionCall: { name: script.name, args: script.args } }], 'STOP'));
      return;
    }
    script.pieces.forEach((text, i) => res.write(event([{ text }], i === script.pieces.length - 1 ? 'STOP' : undefined)));
    res.end();
  }
}

import http from 'node:http';
import type { AddressInfo } from 'node:net';

/** Words that pull a text toward one axis: a stand-in for a model that knows "whereabouts" is about the address. */
const AXES = [
  ['where', 'whereabouts', 'address', 'boulevard', 'located', 'practise', 'find'],
  ['price', 'cost', 'much', 'mad', 'scale', 'polish', 'charge'],
  ['open', 'hours', 'monday', 'friday', 'time', 'close'],
  ['park', 'parking', 'car', 'garer'],
];

function embed(text: string): number[] {
  const words = text.toLowerCase().match(/\p{L}+/gu) ?? [];
  return [...AXES.map((axis) => words.filter((w) => axis.includes(w)).length), 0.1];
}

/** A local OpenAI-compatible `/v1/embeddings` server (real wire format), or one that never answers. */
export class FakeEmbeddingsServer {
  readonly inputs: string[][] = [];
  private readonly server = http.createServer((req, res) => {
    let body = '';
    req.on('data', (c: Buffer) => (body += c.toString()));
    req.on('end', () => {
      const { input, model } = JSON.parse(body) as { input: string | string[]; model: string };
      const texts = Array.isArray(input) ? input : [input];
      this.inputs.push(texts);
      if (this.hang) return;
      const data = texts.map((t, index) => ({ object: 'embedding', index, embedding: embed(t) }));
      res.writeHead(200, { 'content-type': 'application/json' }).end(JSON.stringify({ object: 'list', data, model, usage: { prompt_tokens: 1, total_tokens: 1 } }));
    });
  });

  constructor(private readonly hang = false) {}

  async start(): Promise<string> {
    await new Promise<void>((resolve) => this.server.listen(0, '127.0.0.1', resolve));
    return `http://127.0.0.1:${(this.server.address() as AddressInfo).port}/v1`;
  }

  async stop(): Promise<void> {
    this.server.closeAllConnections();
    await new Promise((resolve) => this.server.close(resolve));
  }
}

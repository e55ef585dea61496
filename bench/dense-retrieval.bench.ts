/**
 * Dense retrieval's cost per turn, with the chunk vectors computed at ingestion (carried in the
 * snapshot, as db-api stores them): the question embedded through a local OpenAI-compatible
 * `/embeddings` server (real HTTP round trip, no model time), then cosine ranking over 10, 200 and
 * 2,000 stored 1,536-dimension vectors. Beside it, in the same run: the lexical paraphrase ranking
 * alone on the same snapshot, and the bare HTTP round trip to the same server (the floor of any
 * remote embedding). The engine gives the question embedding a budget (300 ms by default): past it
 * the turn ranks without it. Prints figures, asserts nothing.
 * Run: `pnpm bench:dense` (BENCH_TURNS per size, default 500).
 */
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { buildTenantIndex, DenseRanking, detectIntent, detectLanguage, encodeEmbedding, knowledgeQuery, openAiEmbeddings, searchKnowledge } from '@vocalia/agent';
import type { KnowledgeChunkSnapshot, TenantSnapshot } from '@vocalia/contracts';
import { DENTAL_CLINIC } from './quality/dental-clinic';
import { GARAGE } from './quality/garage';
import { RESTAURANT } from './quality/restaurant';
import { snapshotOf } from './quality/tenant-snapshot';

const TURNS = Number(process.env.BENCH_TURNS ?? 500);
const SIZES = [10, 200, 2000];
const DIMENSIONS = 1536;
const MODEL = 'bench-embed';
const out = (line = '') => process.stdout.write(`${line}\n`);
const percentile = (sorted: number[], q: number) => sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))] ?? NaN;

/** A deterministic pseudo-embedding: the bench measures transport and ranking, not a model. */
function pseudoVector(text: string): number[] {
  let seed = 2166136261;
  for (let i = 0; i < text.length; i++) seed = Math.imul(seed ^ text.charCodeAt(i), 16777619) >>> 0;
  return Array.from({ length: DIMENSIONS }, () => {
    seed = Math.imul(seed ^ (seed >>> 15), 2246822507) >>> 0;
    return (seed / 0xffffffff) * 2 - 1;
  });
}

async function embeddingsServer(): Promise<{ url: string; close: () => Promise<void> }> {
  const server = http.createServer((req, res) => {
    let body = '';
    req.on('data', (c: Buffer) => (body += c.toString()));
    req.on('end', () => {
      const { input } = JSON.parse(body) as { input: string[] };
      const data = input.map((t, index) => ({ object: 'embedding', index, embedding: pseudoVector(t) }));
      res.writeHead(200, { 'content-type': 'application/json' }).end(JSON.stringify({ object: 'list', data, model: MODEL, usage: { prompt_tokens: 1, total_tokens: 1 } }));
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return {
    url: `http://127.0.0.1:${(server.address() as AddressInfo).port}/v1`,
    close: () => new Promise((resolve) => server.close(() => resolve())),
  };
}

function snapshotWith(size: number): TenantSnapshot {
  const base = snapshotOf(DENTAL_CLINIC);
  const pool = [DENTAL_CLINIC, GARAGE, RESTAURANT].flatMap((b) => snapshotOf(b).knowledge);
  const knowledge: KnowledgeChunkSnapshot[] = Array.from({ length: size }, (_, i) => {
    const c = pool[i % pool.length]!;
    const text = `${c.text} (ref ${i})`;
    return { ...c, id: `bench-${i}`, documentId: `bench-doc-${Math.floor(i / 5)}`, text, embedding: { model: MODEL, vector: Buffer.from(encodeEmbedding(pseudoVector(text))).toString('base64') } };
  });
  return { ...base, knowledge, version: `dense-${size}` };
}

const QUESTIONS = [DENTAL_CLINIC, GARAGE, RESTAURANT].flatMap((b) => b.questions.map((q) => q.text));

async function timed(work: (i: number) => Promise<unknown> | unknown): Promise<{ p50: number; p99: number }> {
  const samples: number[] = [];
  for (let i = 0; i < TURNS; i++) {
    const started = performance.now();
    await work(i);
    samples.push(performance.now() - started);
  }
  samples.sort((a, b) => a - b);
  return { p50: percentile(samples, 0.5), p99: percentile(samples, 0.99) };
}

async function main(): Promise<void> {
  const server = await embeddingsServer();
  const embed = openAiEmbeddings({ baseURL: server.url, apiKey: 'bench', model: MODEL });
  out(`Dense retrieval per turn, ${TURNS} questions per size, ${DIMENSIONS}-dimension vectors stored at ingestion, local /embeddings server`);
  out('| chunks | HTTP round trip p50/p99 ms (baseline) | lexical ranking p50/p99 ms (baseline) | question embedded + dense ranking p50/p99 ms | snapshot vectors MB |');
  out('|---|---|---|---|---|');
  for (const size of SIZES) {
    const snapshot = snapshotWith(size);
    const dense = new DenseRanking(embed, MODEL, 5000);
    await dense.chunksReady(snapshot);
    const index = buildTenantIndex(snapshot, 'paraphrase');
    const roundTrip = await timed((i) => embed([QUESTIONS[i % QUESTIONS.length]!]));
    const lexical = await timed((i) => {
      const message = QUESTIONS[i % QUESTIONS.length]!;
      const language = detectLanguage(message, 'fr').language;
      return searchKnowledge(index, knowledgeQuery('paraphrase', message, detectIntent(message, language), language, language), language);
    });
    const ranked = await timed(async (i) => {
      const input = { snapshot, message: QUESTIONS[i % QUESTIONS.length]! };
      await dense.prepare(input);
      return dense.ranking(input, 8);
    });
    const megabytes = snapshot.knowledge.reduce((n, c) => n + (c.embedding?.vector.length ?? 0), 0) / 1e6;
    const pair = (f: { p50: number; p99: number }) => `${f.p50.toFixed(2)} / ${f.p99.toFixed(2)}`;
    out(`| ${String(size).padStart(6)} | ${pair(roundTrip)} | ${pair(lexical)} | ${pair(ranked)} | ${megabytes.toFixed(1)} |`);
  }
  await server.close();
}

main().then(
  () => process.exit(0),
  (err: unknown) => {
    process.stderr.write(`bench failed: ${err instanceof Error ? (err.stack ?? err.message) : String(err)}\n`);
    process.exit(1);
  },
);

import http from 'node:http';
import autocannon from 'autocannon';
import { BENCH_MESSAGES, BENCH_TENANT } from './bench-tenant';
import { percentile } from './percentile';

export interface LoadFigures {
  name: string;
  connections: number;
  rps: number;
  /** Requests answered in the run (for CPU per request). */
  total: number;
  p50: number;
  p99: number;
  p999: number;
  /** p999 of the answers after each connection's first: the load once every connection is open and served. */
  p999AfterFirst: number;
  /**
   * The slowest first answer on a connection. A Node server accepts one new connection per turn of its
   * event loop (libuv since 1.45), so under load a connection opened late waits in the accept queue.
   */
  slowestFirst: number;
  non2xx: number;
  errors: number;
}

export interface LoadTarget {
  name: string;
  url: string;
  headers: Record<string, string>;
}

let sequence = 0;

/** A /respond body per request: 500 rotating sessions (history builds up, as on a real site), 6 questions. */
export function nextBody(): string {
  const n = sequence++;
  return JSON.stringify({ tenantId: BENCH_TENANT, sessionId: `bench-session-${n % 500}`, message: BENCH_MESSAGES[n % BENCH_MESSAGES.length] });
}

export async function runLoad(target: LoadTarget, connections: number, durationSec: number): Promise<LoadFigures> {
  const answered = new Map<object, number>();
  const first: number[] = [];
  const after: number[] = [];
  const result = await new Promise<autocannon.Result>((resolve, reject) => {
    const run = autocannon(
      {
        url: `${target.url}/respond`,
        connections,
        duration: durationSec,
        requests: [{ method: 'POST', headers: { 'content-type': 'application/json', ...target.headers }, setupRequest: (req) => ({ ...req, body: nextBody() }) }],
      },
      (err: unknown, done: autocannon.Result) => (err ? reject(err instanceof Error ? err : new Error(String(err))) : resolve(done)),
    );
    run.on('response', (client, _status, _bytes, ms) => {
      const seen = answered.get(client) ?? 0;
      answered.set(client, seen + 1);
      (seen === 0 ? first : after).push(ms);
    });
  });
  after.sort((a, b) => a - b);
  return {
    name: target.name,
    connections,
    rps: result.requests.average,
    total: result.requests.total,
    p50: result.latency.p50,
    p99: result.latency.p99,
    p999: result.latency.p99_9,
    p999AfterFirst: percentile(after, 0.999),
    slowestFirst: first.length ? Math.max(...first) : NaN,
    non2xx: result.non2xx,
    errors: result.errors,
  };
}

/** Time from sending a streamed /respond to the first `event: token` bytes, over `count` sequential requests. */
export async function timeToFirstToken(target: LoadTarget, count: number): Promise<{ median: number; p90: number; failures: number }> {
  const samples: number[] = [];
  let failures = 0;
  for (let i = 0; i < count; i++) {
    const started = performance.now();
    const res = await fetch(`${target.url}/respond`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', accept: 'text/event-stream', ...target.headers },
      body: nextBody(),
    });
    const reader = res.body?.getReader();
    const decoder = new TextDecoder();
    let seen = '';
    let first: number | undefined;
    for (;;) {
      const chunk = await reader?.read();
      if (!chunk || chunk.done) break;
      seen += decoder.decode(chunk.value, { stream: true });
      if (first === undefined && seen.includes('event: token')) first = performance.now() - started;
    }
    if (first === undefined || !seen.includes('event: done')) failures++;
    else samples.push(first);
  }
  samples.sort((a, b) => a - b);
  return { median: percentile(samples, 0.5), p90: percentile(samples, 0.9), failures };
}

export interface Percentiles {
  p50: number;
  p99: number;
}

function post(url: string, agent: http.Agent, headers: Record<string, string>): Promise<number> {
  return new Promise((resolve, reject) => {
    const started = performance.now();
    const req = http.request(url, { method: 'POST', agent, headers: { 'content-type': 'application/json', ...headers } }, (res) => {
      res.resume();
      res.on('end', () => (res.statusCode === 200 ? resolve(performance.now() - started) : reject(new Error(`HTTP ${res.statusCode}`))));
    });
    req.on('error', reject);
    req.end(nextBody());
  });
}

/** One request at a time on a keep-alive connection: the latency a request pays with no queueing, to 0.01 ms. */
export async function unloadedLatency(target: LoadTarget, count: number): Promise<Percentiles> {
  const agent = new http.Agent({ keepAlive: true, maxSockets: 1 });
  const samples: number[] = [];
  for (let i = 0; i < count; i++) samples.push(await post(`${target.url}/respond`, agent, target.headers));
  agent.destroy();
  samples.sort((a, b) => a - b);
  return { p50: percentile(samples, 0.5), p99: percentile(samples, 0.99) };
}

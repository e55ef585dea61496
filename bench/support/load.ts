import autocannon from 'autocannon';
import { BENCH_MESSAGES, BENCH_TENANT } from './bench-tenant';

export interface LoadFigures {
  name: string;
  connections: number;
  rps: number;
  p50: number;
  p99: number;
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
  const result = await autocannon({
    url: `${target.url}/respond`,
    connections,
    duration: durationSec,
    requests: [{ method: 'POST', headers: { 'content-type': 'application/json', ...target.headers }, setupRequest: (req) => ({ ...req, body: nextBody() }) }],
  });
  return {
    name: target.name,
    connections,
    rps: result.requests.average,
    p50: result.latency.p50,
    p99: result.latency.p99,
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
  const at = (q: number) => samples[Math.min(samples.length - 1, Math.floor(q * samples.length))] ?? NaN;
  return { median: at(0.5), p90: at(0.9), failures };
}

import http from 'node:http';
import https from 'node:https';
import { isIP } from 'node:net';
import { isPublicAddress } from '@vocalia/service-kit';
import { RefusedTargetError, type GuardedAgents } from './guarded-agents';

const RESPONSE_KEEP_BYTES = 1024;

export interface PostResult {
  statusCode: number | null;
  latencyMs: number;
  /** The first 1 KB of the answer. */
  response: string | null;
  /** Why there was no HTTP answer (refused target, timeout, reset...). */
  error: string | null;
}

/** One POST, no redirects followed (a 3xx is an answer like any other), at most `timeoutMs` in all. */
export function postWebhook(agents: GuardedAgents, target: string, headers: Record<string, string>, body: string, timeoutMs: number): Promise<PostResult> {
  const started = performance.now();
  const elapsed = () => Math.round(performance.now() - started);
  return new Promise((resolve) => {
    const fail = (err: Error) => resolve({ statusCode: null, latencyMs: elapsed(), response: null, error: err.message });
    let url: URL;
    try {
      url = new URL(target);
    } catch {
      return fail(new Error('invalid URL'));
    }
    // An IP literal never goes through the agent's lookup.
    const literal = url.hostname.replace(/^\[(.*)\]$/, '$1');
    if (!agents.allowPrivate && isIP(literal) && !isPublicAddress(literal)) return fail(new RefusedTargetError(`${literal} is not a public address`));
    const secure = url.protocol === 'https:';
    const req = (secure ? https : http).request(url, {
      method: 'POST',
      agent: secure ? agents.https : agents.http,
      headers: { 'content-type': 'application/json', 'content-length': Buffer.byteLength(body).toString(), 'user-agent': 'VocalIA-Webhooks/1', ...headers },
      signal: AbortSignal.timeout(timeoutMs),
    });
    req.on('error', (err) => fail(err.name === 'AbortError' ? new Error(`timed out after ${timeoutMs} ms`) : err));
    req.on('response', (res) => {
      const chunks: Buffer[] = [];
      let kept = 0;
      res.on('data', (chunk: Buffer) => {
        if (kept < RESPONSE_KEEP_BYTES) chunks.push(chunk.subarray(0, RESPONSE_KEEP_BYTES - kept));
        kept += chunk.length;
      });
      res.on('error', fail);
      res.on('end', () => resolve({ statusCode: res.statusCode ?? null, latencyMs: elapsed(), response: Buffer.concat(chunks).toString('utf8'), error: null }));
    });
    req.end(body);
  });
}

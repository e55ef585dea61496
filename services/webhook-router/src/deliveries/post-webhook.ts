import { isIP } from 'node:net';
import { isPublicAddress, RefusedTargetError } from '@vocalia/service-kit';
import type { GuardedAgent } from './guarded-agent';

const RESPONSE_KEEP_BYTES = 1024;

export interface PostResult {
  statusCode: number | null;
  latencyMs: number;
  /** The first 1 KB of the answer. */
  response: string | null;
  /** Why there was no HTTP answer (refused target, timeout, reset...). */
  error: string | null;
}

/** What the delivery log says when there was no answer; undici's "other side closed" names the connection it means. */
function describe(err: unknown): string {
  if (!(err instanceof Error)) return String(err);
  return (err as Error & { code?: string }).code === 'UND_ERR_SOCKET' ? `connection closed before the answer (${err.message})` : err.message;
}

/** Reads the answer to its end (so the connection is reused), keeping its first 1 KB. */
async function firstKilobyte(body: AsyncIterable<Buffer>): Promise<string> {
  const chunks: Buffer[] = [];
  let kept = 0;
  for await (const chunk of body) {
    if (kept < RESPONSE_KEEP_BYTES) chunks.push(chunk.subarray(0, RESPONSE_KEEP_BYTES - kept));
    kept += chunk.length;
  }
  return chunks.length === 1 ? (chunks[0] as Buffer).toString('utf8') : Buffer.concat(chunks).toString('utf8');
}

/** One POST, no redirects followed (a 3xx is an answer like any other), at most `timeoutMs` in all. */
export async function postWebhook(agent: GuardedAgent, target: string, headers: Record<string, string>, body: string, timeoutMs: number): Promise<PostResult> {
  const started = performance.now();
  const elapsed = () => Math.round(performance.now() - started);
  const fail = (err: unknown): PostResult => ({ statusCode: null, latencyMs: elapsed(), response: null, error: describe(err) });
  let url: URL;
  try {
    url = new URL(target);
  } catch {
    return fail(new Error('invalid URL'));
  }
  if (url.protocol !== 'https:' && url.protocol !== 'http:') return fail(new Error(`${url.protocol} is not http(s)`));
  // An IP literal never goes through the agent's lookup.
  const literal = url.hostname.replace(/^\[(.*)\]$/, '$1');
  if (!agent.allowPrivate && isIP(literal) && !isPublicAddress(literal)) return fail(new RefusedTargetError(`${literal} is not a public address`));
  const abort = new AbortController();
  const timer = setTimeout(() => abort.abort(new Error(`timed out after ${timeoutMs} ms`)), timeoutMs);
  try {
    const res = await agent.dispatcher.request({
      origin: url.origin,
      path: `${url.pathname}${url.search}`,
      method: 'POST',
      headers: { 'content-type': 'application/json', 'user-agent': 'VocalIA-Webhooks/1', ...headers },
      body,
      signal: abort.signal,
    });
    const response = await firstKilobyte(res.body);
    return { statusCode: res.statusCode, latencyMs: elapsed(), response, error: null };
  } catch (err) {
    return fail(err);
  } finally {
    clearTimeout(timer);
  }
}

import { createHash } from 'node:crypto';
import type { Request, Response } from 'express';
import { IdempotencyKey } from '@vocalia/contracts';
import { AppError } from './errors';
import { parseInput } from './validate';

/** On an answer sent again for its Idempotency-Key. */
export const IDEMPOTENT_REPLAYED_HEADER = 'Idempotent-Replayed';

/**
 * How long a key stays held for its first answer without news of the request: the process answering it
 * holds it again every third of this while the request runs (`keepHeld`), so a key taken by a replica
 * that died is free again this soon after, and a retry then runs the request.
 */
export const PENDING_HOLD_MS = 15_000;
/** The longest a key is held for one request, however long it runs. */
export const MAX_PENDING_MS = 120_000;

/** Holds a key longer (ARGV[2] ms), only while it still holds the pending value (ARGV[1]) of a request under way. */
export const HOLD_AGAIN_LUA = `
if redis.call('GET', KEYS[1]) == ARGV[1] then return redis.call('PEXPIRE', KEYS[1], ARGV[2]) end
return 0
`;

/**
 * Calls `holdAgain` every third of `holdMs` while something runs (a request holding its key, a session
 * its place), until the returned stop is called or `maxMs` passed. A failed call is left to the next one.
 */
export function keepHeld(holdAgain: () => Promise<unknown>, holdMs = PENDING_HOLD_MS, maxMs = MAX_PENDING_MS): () => void {
  const until = Date.now() + maxMs;
  const timer = setInterval(() => {
    if (Date.now() >= until) return clearInterval(timer);
    holdAgain().catch(() => undefined);
  }, holdMs / 3);
  timer.unref();
  return () => clearInterval(timer);
}

export interface IdempotentRequest {
  /** The key, hashed: the caller's store key names it under its own scope (tenant, session or caller). */
  keyId: string;
  /** What the request asks: a retry with the key must ask the same. */
  fingerprint: string;
}

/** The first answer of a key, as it was sent: status and JSON text (null: no body). */
export interface IdempotentAnswer {
  status: number;
  body: string | null;
}

/** What the store holds for a key: the fingerprint while the first request runs, then its answer too. */
interface Held {
  fingerprint: string;
  answer?: IdempotentAnswer;
}

const digest = (text: string) => createHash('sha256').update(text).digest('hex').slice(0, 32);

/** The request's `Idempotency-Key` (undefined without one; 400 naming the header when malformed) and a fingerprint of what it `asks`. */
export function idempotentRequest(req: Request, asks: unknown): IdempotentRequest | undefined {
  const raw = req.get('idempotency-key');
  if (raw === undefined) return undefined;
  const key = parseInput(IdempotencyKey, raw, 'headers.idempotency-key');
  return { keyId: digest(key), fingerprint: digest(JSON.stringify(asks)) };
}

/** The value that holds a key while its first request runs. */
export const heldValue = (request: IdempotentRequest): string => JSON.stringify({ fingerprint: request.fingerprint } satisfies Held);

/** The value that keeps a key's answer. */
export const answeredValue = (request: IdempotentRequest, answer: IdempotentAnswer): string => JSON.stringify({ fingerprint: request.fingerprint, answer } satisfies Held);

/**
 * What a key already held means for this request: its first answer to send again, or a refusal (another
 * request under the key: 400 naming the header; the first one still running: 409).
 */
export function replayOf(request: IdempotentRequest, held: string): IdempotentAnswer {
  const { fingerprint, answer } = JSON.parse(held) as Held;
  if (fingerprint !== request.fingerprint) {
    const message = 'This Idempotency-Key was already used for another request; use a new key for each request.';
    throw new AppError('VALIDATION_FAILED', message, { errors: [{ path: 'headers.idempotency-key', message }] });
  }
  if (!answer) throw new AppError('CONFLICT', 'A request with this Idempotency-Key is still being answered; retry in a moment.');
  return answer;
}

/** A key's first answer sent again as it was, marked `Idempotent-Replayed: true`. */
export function sendReplay(res: Response, answer: IdempotentAnswer): void {
  res.setHeader(IDEMPOTENT_REPLAYED_HEADER, 'true');
  res.status(answer.status);
  if (answer.body === null) return void res.end();
  res.setHeader('Content-Type', 'application/json; charset=utf-8');
  res.end(answer.body);
}

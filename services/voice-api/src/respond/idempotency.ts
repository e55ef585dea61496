import { createHash } from 'node:crypto';
import type { Request } from 'express';
import { IdempotencyKey, type RespondRequest } from '@vocalia/contracts';
import { AppError, parseInput } from '@vocalia/service-kit';

/** How long a key waits for its first answer: past it, a retry runs the turn (no turn takes this long). */
export const PENDING_TTL_SEC = 120;

export interface IdempotentRequest {
  /** The key, hashed: its answer is kept under the tenant and session, so a key names nothing outside them. */
  id: string;
  /** What the first request asked (message, language, agent, channel): a retry must ask the same. */
  fingerprint: string;
}

const digest = (text: string) => createHash('sha256').update(text).digest('hex').slice(0, 32);

/** The request's `Idempotency-Key` (optional; 400 when malformed) and what its answer is kept under. */
export function idempotencyOf(req: Request, input: RespondRequest): IdempotentRequest | undefined {
  const raw = req.headers['idempotency-key'];
  if (raw === undefined) return undefined;
  const key = parseInput(IdempotencyKey, raw, 'headers.idempotency-key');
  const fingerprint = digest(JSON.stringify([input.message, input.language ?? null, input.agentId ?? null, input.context?.channel ?? null]));
  return { id: digest(key), fingerprint };
}

/** Held while the first request with the key runs. */
export const pendingValue = (request: IdempotentRequest) => `p:${request.fingerprint}`;

/** Kept once it answered: the answer as sent. */
export const answeredValue = (request: IdempotentRequest, body: string) => `a:${request.fingerprint}:${body}`;

/**
 * What a key already holds means for this request: the first answer's body to send again, or a refusal
 * (another message under the same key: 400; the first request still running: 409).
 */
export function replayOf(request: IdempotentRequest, prior: string): string {
  if (prior.slice(2, 2 + request.fingerprint.length) !== request.fingerprint) {
    const message = 'This Idempotency-Key was already used with another message; use a new key for each message.';
    throw new AppError('VALIDATION_FAILED', message, { errors: [{ path: 'headers.idempotency-key', message }] });
  }
  if (prior.startsWith('p:')) throw new AppError('CONFLICT', 'A request with this Idempotency-Key is still being answered; retry in a moment.');
  return prior.slice(2 + request.fingerprint.length + 1);
}

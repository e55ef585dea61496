import type { Request } from 'express';
import type { RespondRequest } from '@vocalia/contracts';
import { idempotentRequest, type IdempotentRequest } from '@vocalia/service-kit';

/**
 * How long a key stays held for its first answer without news of the request: the replica answering it
 * holds it again every third of this while the turn runs, so a key taken by a replica that died is free
 * again this soon after, and a retry then runs the turn.
 */
export const PENDING_HOLD_MS = 15_000;
/** The longest a key is held for one turn, however long it runs (no turn takes this long). */
export const MAX_PENDING_MS = 120_000;
/** How long a /respond answer is kept for its key: retries come within seconds, and turns are many. */
export const ANSWER_TTL_SEC = 3600;

/** The request's `Idempotency-Key` (optional; 400 when malformed): a retry must ask the same message, language, agent and channel. */
export function respondIdempotency(req: Request, input: RespondRequest): IdempotentRequest | undefined {
  return idempotentRequest(req, [input.message, input.language ?? null, input.agentId ?? null, input.context?.channel ?? null]);
}

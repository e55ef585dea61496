import type { Request } from 'express';
import type { RespondRequest } from '@vocalia/contracts';
import { idempotentRequest, type IdempotentRequest } from '@vocalia/service-kit';

/** How long a /respond answer is kept for its key: retries come within seconds, and turns are many. */
export const ANSWER_TTL_SEC = 3600;

/** The request's `Idempotency-Key` (optional; 400 when malformed): a retry must ask the same message, language, agent and channel. */
export function respondIdempotency(req: Request, input: RespondRequest): IdempotentRequest | undefined {
  return idempotentRequest(req, [input.message, input.language ?? null, input.agentId ?? null, input.context?.channel ?? null]);
}

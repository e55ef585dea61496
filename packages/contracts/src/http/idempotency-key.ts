import { z } from 'zod';

/**
 * The optional `Idempotency-Key` header of the requests a retry must not repeat (POST /respond,
 * POST /api/v1/calls, POST /api/v1/invitations): a retry with the same key and the same request gets
 * the first answer back (header `Idempotent-Replayed: true`) and runs nothing.
 */
export const IdempotencyKey = z.string().min(8, 'at least 8 characters').max(255).regex(/^[\x21-\x7e]+$/, 'printable ASCII, no spaces');

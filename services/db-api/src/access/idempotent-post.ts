import type { RequestHandler } from 'express';
import { AppError, answeredValue, heldValue, HOLD_AGAIN_LUA, idempotentRequest, keepHeld, PENDING_HOLD_MS, replayOf, sendReplay } from '@vocalia/service-kit';
import type { Deps } from '../deps';
import { actorOf, getAuth } from './auth-context';

/** A POST's first answer is kept this long under its Idempotency-Key (Stripe keeps 24 hours too). */
const ANSWER_TTL_SEC = 86_400;
/** GET the key, or hold it for this request when it is free: one round trip, no race between two retries. */
const HOLD_LUA = `
local held = redis.call('GET', KEYS[1])
if held then return held end
redis.call('SET', KEYS[1], ARGV[1], 'PX', tonumber(ARGV[2]))
return false
`;

/**
 * `Idempotency-Key` (optional) on a POST whose repetition costs something: an outbound call placed, an
 * invitation mailed, a phone number bought, a webhook sent again, an agent (a plan's quota) or a
 * knowledge document (its embeddings) created. Mounted after `authenticate`. The first request with a key
 * runs and its 2xx answer is kept for 24 hours; a retry with the same key, path and body gets that answer
 * again (`Idempotent-Replayed: true`) and runs nothing. The same key with another path or body is a 400;
 * a retry while the first still runs, a 409 (the key is held PENDING_HOLD_MS at a time while it runs, so
 * a replica that died frees it soon after). A failed request (not 2xx) frees the key. Keys belong to
 * the caller (user or API key) within the tenant. The answer is kept in Redis as it is: never mount this
 * on a route whose answer carries a secret (a new API key, a webhook secret, a session).
 */
export function idempotentPost(deps: Pick<Deps, 'redis' | 'queuePrefix' | 'logger'>): RequestHandler {
  // Named: the route-docs test finds the routes that mount it.
  return async function idempotencyKey(req, res, next) {
    const request = idempotentRequest(req, [req.path, req.body ?? null]);
    if (!request) return next();
    // A streamed upload is read after this point: its key could not tell one file from another.
    if (req.is('multipart/form-data')) {
      const message = 'An Idempotency-Key is taken with a JSON body only; send the document as JSON to retry it safely.';
      throw new AppError('VALIDATION_FAILED', message, { errors: [{ path: 'headers.idempotency-key', message }] });
    }
    const auth = getAuth(res);
    const redisKey = `${deps.queuePrefix}:idem:api:${auth.tenantId}:${actorOf(auth)}:${request.keyId}`;
    const pending = heldValue(request);
    const held = (await deps.redis.eval(HOLD_LUA, 1, redisKey, pending, String(PENDING_HOLD_MS)).catch((err: unknown) => {
      // Without the key's store the request could run twice: refuse it (the call's queue is on the same Redis anyway).
      deps.logger.warn('idempotency key store unavailable', { err });
      throw new AppError('UNAVAILABLE', 'Requests with an Idempotency-Key cannot be accepted right now; retry in a moment.');
    })) as string | null;
    if (held !== null) return sendReplay(res, replayOf(request, held));
    const stopHolding = keepHeld(() => deps.redis.eval(HOLD_AGAIN_LUA, 1, redisKey, pending, String(PENDING_HOLD_MS)));
    let body: string | null = null;
    const json = res.json.bind(res);
    res.json = (value: unknown) => {
      body = JSON.stringify(value);
      return json(value);
    };
    res.once('close', () => {
      stopHolding();
      // A client gone before the answer was written frees the key too: its retry runs the request.
      const answered = res.writableFinished && res.statusCode >= 200 && res.statusCode < 300;
      const write = answered ? deps.redis.set(redisKey, answeredValue(request, { status: res.statusCode, body }), 'EX', ANSWER_TTL_SEC) : deps.redis.del(redisKey);
      write.catch((err: unknown) => deps.logger.warn('idempotency key not settled (Redis away?)', { err }));
    });
    next();
  };
}

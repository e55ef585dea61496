import { createHash } from 'node:crypto';
import type { RequestHandler, Response } from 'express';
import { IdempotencyKey } from '@vocalia/contracts';
import { AppError, parseInput } from '@vocalia/service-kit';
import type { Deps } from '../deps';
import { actorOf, getAuth } from './auth-context';

/** A POST's first answer is kept this long under its Idempotency-Key (Stripe keeps 24 hours too). */
export const API_IDEMPOTENCY_TTL_SEC = 86_400;
/** How long a key is held while its first request runs: past it, a retry runs the request again. */
const PENDING_TTL_SEC = 60;

/** What a key holds: the request's fingerprint, and once answered, the answer. */
interface Held {
  fingerprint: string;
  answer?: { status: number; body: unknown };
}

/** GET the key, or hold it for this request when it is free: one round trip, no race between two retries. */
const HOLD_LUA = `
local held = redis.call('GET', KEYS[1])
if held then return held end
redis.call('SET', KEYS[1], ARGV[1], 'EX', tonumber(ARGV[2]))
return false
`;

const digest = (text: string) => createHash('sha256').update(text).digest('hex').slice(0, 32);

/**
 * `Idempotency-Key` (optional) on a POST whose repetition costs something outside the database: an
 * outbound call placed, an invitation mailed. Mounted after `authenticate`. The first request with a key
 * runs and its 2xx answer is kept for 24 hours; a retry with the same key, path and body gets that answer
 * again (`Idempotent-Replayed: true`) and runs nothing. The same key with another path or body is a 400;
 * a retry while the first still runs, a 409. A failed request (not 2xx) frees the key. Keys belong to
 * the caller (user or API key) within the tenant. The answer is kept in Redis as it is: never mount this
 * on a route whose answer carries a secret (a new API key, a webhook secret, a session).
 */
export function idempotentPost(deps: Pick<Deps, 'redis' | 'queuePrefix' | 'logger'>): RequestHandler {
  // Named: the route-docs test finds the routes that mount it.
  return async function idempotencyKey(req, res, next) {
    if (req.get('idempotency-key') === undefined) return next();
    const auth = getAuth(res);
    const key = parseInput(IdempotencyKey, req.get('idempotency-key'), 'headers.idempotency-key');
    const redisKey = `${deps.queuePrefix}:idem:api:${auth.tenantId}:${digest(actorOf(auth))}:${digest(key)}`;
    const fingerprint = digest(`${req.path}\n${JSON.stringify(req.body ?? null)}`);
    const raw = (await deps.redis.eval(HOLD_LUA, 1, redisKey, JSON.stringify({ fingerprint } satisfies Held), String(PENDING_TTL_SEC)).catch((err: unknown) => {
      // Without the key's store the request could run twice: refuse it (the call's queue is on the same Redis anyway).
      deps.logger.warn('idempotency key store unavailable', { err });
      throw new AppError('UNAVAILABLE', 'Requests with an Idempotency-Key cannot be accepted right now; retry in a moment.');
    })) as string | null;
    if (raw !== null) return replay(JSON.parse(raw) as Held, fingerprint, res);
    let body: unknown = null;
    const json = res.json.bind(res);
    res.json = (value: unknown) => {
      body = value;
      return json(value);
    };
    res.once('close', () => {
      // A client gone before the answer was written frees the key too: its retry runs the request.
      const answered = res.writableFinished && res.statusCode >= 200 && res.statusCode < 300;
      const write = answered ? deps.redis.set(redisKey, JSON.stringify({ fingerprint, answer: { status: res.statusCode, body } } satisfies Held), 'EX', API_IDEMPOTENCY_TTL_SEC) : deps.redis.del(redisKey);
      write.catch((err: unknown) => deps.logger.warn('idempotency key not settled (Redis away?)', { err }));
    });
    next();
  };
}

function replay(held: Held, fingerprint: string, res: Response): void {
  if (held.fingerprint !== fingerprint) {
    const message = 'This Idempotency-Key was already used for another request; use a new key for each request.';
    throw new AppError('VALIDATION_FAILED', message, { errors: [{ path: 'headers.idempotency-key', message }] });
  }
  if (!held.answer) throw new AppError('CONFLICT', 'A request with this Idempotency-Key is still running; retry in a moment.');
  res.setHeader('Idempotent-Replayed', 'true');
  res.status(held.answer.status);
  if (held.answer.body === null) res.end();
  else res.json(held.answer.body);
}

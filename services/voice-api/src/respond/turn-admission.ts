import { PLANS, type PlanId } from '@vocalia/contracts';
import { parseSession, sessionKeys, type BatchCommand, type Session } from '@vocalia/conversation';
import { HOLD_AGAIN_LUA, keepHeld, PENDING_HOLD_MS, type Redis } from '@vocalia/service-kit';
import type { RateLimitState } from '../rate-limit/rate-limit-headers';
import { tooManyRequests } from '../rate-limit/rate-limit-headers';
import { ipLimitDetail, tenantLimitDetail, type RateLimits, type RateLimitWindow } from '../rate-limit/rate-limits';
import { createRefusalMemory } from '../rate-limit/refusal-memory';
import { ANSWER_TTL_SEC } from './idempotency';

/**
 * One script, one round trip: count the caller's IP (unless already counted), then the tenant, each in
 * the current window's counter (the keys rate-limiter-flexible uses, so /config and /social-proof share
 * the IP count), and when both pass read the session's history and state, and, for a request with an
 * Idempotency-Key (ARGV[4] its pending value), what the key already holds, or hold it now.
 * Reply: { ipCount or -1, tenantCount or -1, history, state, what the key held }.
 */
const ADMIT_TURN_LUA = `
local function count(key, window)
  local n = redis.call('INCR', key)
  if n == 1 then redis.call('EXPIRE', key, window) end
  return n
end
local window = tonumber(ARGV[3])
local ip = -1
if ARGV[1] ~= '' then
  ip = count(KEYS[1], window)
  if ip > tonumber(ARGV[1]) then return {ip, -1} end
end
local tenant = count(KEYS[2], window)
if tenant > tonumber(ARGV[2]) then return {ip, tenant} end
local prior = false
if ARGV[4] ~= '' then
  prior = redis.call('GET', KEYS[5])
  if not prior then redis.call('SET', KEYS[5], ARGV[4], 'PX', tonumber(ARGV[5])) end
end
return {ip, tenant, redis.call('LRANGE', KEYS[3], 0, -1), redis.call('GET', KEYS[4]), prior}
`;

type AdmitReply = [number, number, string[]?, (string | null)?, (string | null)?];

interface ScriptedPipeline {
  vocaliaAdmitTurn(ipKey: string, tenantKey: string, historyKey: string, stateKey: string, idempotencyKey: string, ipPoints: string, tenantPoints: string, windowSec: string, pending: string, pendingHoldMs: string): unknown;
  vocaliaHoldAgain(idempotencyKey: string, pending: string, pendingHoldMs: string): unknown;
}

export interface TurnAdmissionRequest {
  /** The caller's rate-limit key, or null when its IP was already counted for this request. */
  ip: string | null;
  tenantId: string;
  plan: PlanId;
  sessionId: string;
  /** An Idempotency-Key (hashed) and the value that holds it while this request runs. */
  idempotency?: { id: string; pending: string };
}

export interface AdmittedTurn {
  /** The limits counted, in order (IP then tenant): the route reports the tightest. */
  limits: RateLimitState[];
  session: Session;
  /** What the Idempotency-Key already held (null: nothing, it is now held for this request; or Redis could not say). */
  prior: string | null;
}

export interface TurnAdmission {
  /** Counts the limits and loads the session, or throws 429 naming the limit reached. */
  admit(request: TurnAdmissionRequest): Promise<AdmittedTurn>;
  /**
   * False when this process refused the caller's IP or tenant in the current window: work done ahead
   * of `admit` (the message's analysis while the script runs) then waits until the caller is admitted.
   */
  expectsToAdmit(request: Pick<TurnAdmissionRequest, 'ip' | 'tenantId'>): boolean;
  /**
   * After the turn: keep the key's answer (`value`) for ANSWER_TTL_SEC, or free the key (null: the turn
   * failed), in the turn's write. Until then, a key this request holds is held again every third of
   * PENDING_HOLD_MS (up to MAX_PENDING_MS), so it outlives a long turn and not a dead replica.
   */
  settle(request: TurnAdmissionRequest, value: string | null): void;
}

/** Refused keys remembered per window; past this many, no caller is expected to be admitted until the next window. */
export const MAX_REMEMBERED_REFUSALS = 10_000;

export interface TurnAdmissionOptions {
  redis: Redis;
  keyPrefix: string;
  rateLimits: RateLimits;
  /** The session when Redis cannot answer: empty, logged (the conversation runtime's loadSession). */
  loadSession(tenantId: string, sessionId: string): Promise<Session>;
  /**
   * Sends the script in the pipeline of this event-loop turn's history writes and jobs on `redis` (the
   * event publisher's `writeAlongside`): one Redis write for all, and the read comes after the writes before it.
   */
  writeAlongside(command: BatchCommand): Promise<unknown>;
  /** How long a key is held without news of its request (PENDING_HOLD_MS; shorter in tests). */
  pendingHoldMs?: number;
}

const stateOf = (count: number, limit: number, window: RateLimitWindow): RateLimitState => ({ limit, remaining: Math.max(0, limit - count), resetMs: window.endsInMs });

/**
 * /respond's hot path in one Redis round trip, in the pipeline the event-loop turn's other writes take. When the script cannot run (Redis away), the limits
 * fall back to rate-limiter-flexible's per-process counting and the session to empty, as each does alone.
 */
export function createTurnAdmission(opts: TurnAdmissionOptions): TurnAdmission {
  opts.redis.defineCommand('vocaliaAdmitTurn', { numberOfKeys: 5, lua: ADMIT_TURN_LUA });
  opts.redis.defineCommand('vocaliaHoldAgain', { numberOfKeys: 1, lua: HOLD_AGAIN_LUA });
  const { rateLimits } = opts;
  const holdMs = opts.pendingHoldMs ?? PENDING_HOLD_MS;
  // The keys this process holds for turns under way, and how to stop holding each (gone with its request).
  const holding = new WeakMap<TurnAdmissionRequest, () => void>();
  const hold = (request: TurnAdmissionRequest, key: string, pending: string) => {
    holding.set(request, keepHeld(() => opts.writeAlongside((t) => (t as unknown as ScriptedPipeline).vocaliaHoldAgain(key, pending, String(holdMs))), holdMs));
  };
  const idempotencyKey = (request: TurnAdmissionRequest) => `${opts.keyPrefix}:idem:${request.tenantId}:${request.sessionId}:${request.idempotency?.id ?? ''}`;
  const refusals = createRefusalMemory(MAX_REMEMBERED_REFUSALS);
  const refused = (key: string, window: RateLimitWindow, err: Error) => {
    refusals.note(key, window);
    return err;
  };

  async function fallback(request: TurnAdmissionRequest): Promise<AdmittedTurn> {
    const limits = request.ip === null ? [] : [await rateLimits.consumeIp(request.ip)];
    limits.push(await rateLimits.consumeTenant(request.tenantId, request.plan));
    return { limits, session: await opts.loadSession(request.tenantId, request.sessionId), prior: null };
  }

  return {
    expectsToAdmit({ ip, tenantId }) {
      const window = rateLimits.currentWindow();
      const keys = [rateLimits.tenantKey(tenantId, window)];
      if (ip !== null) keys.push(rateLimits.ipKey(ip, window));
      return !refusals.refusedAny(window, keys);
    },
    async admit(request) {
      if (opts.redis.status !== 'ready') return fallback(request);
      const window = rateLimits.currentWindow();
      const tenantPoints = rateLimits.tenantPoints(request.plan);
      const session = sessionKeys(opts.keyPrefix, request.tenantId, request.sessionId);
      const args = [
        rateLimits.ipKey(request.ip ?? '', window),
        rateLimits.tenantKey(request.tenantId, window),
        session.history,
        session.state,
        request.idempotency ? idempotencyKey(request) : '',
        request.ip === null ? '' : String(rateLimits.ipPoints),
        String(tenantPoints),
        String(rateLimits.windowSec),
        request.idempotency?.pending ?? '',
        String(holdMs),
      ] as const;
      let reply: AdmitReply;
      try {
        reply = (await opts.writeAlongside((target) => (target as unknown as ScriptedPipeline).vocaliaAdmitTurn(...args))) as AdmitReply;
      } catch {
        return fallback(request);
      }
      const [ipCount, tenantCount, history, state, prior] = reply;
      const limits: RateLimitState[] = [];
      if (ipCount >= 0) {
        const ip = stateOf(ipCount, rateLimits.ipPoints, window);
        if (ipCount > rateLimits.ipPoints) throw refused(args[0], window, tooManyRequests(ip, ipLimitDetail(ip, rateLimits.windowSec)));
        limits.push(ip);
      }
      const tenant = stateOf(tenantCount, tenantPoints, window);
      if (tenantCount > tenantPoints) throw refused(args[1], window, tooManyRequests(tenant, tenantLimitDetail(tenant, PLANS[request.plan].name, rateLimits.windowSec)));
      limits.push(tenant);
      if (request.idempotency && !prior) hold(request, args[4], request.idempotency.pending);
      return { limits, session: parseSession(history, state), prior: prior ?? null };
    },
    settle(request, value) {
      holding.get(request)?.();
      holding.delete(request);
      const key = idempotencyKey(request);
      const write = value === null ? opts.writeAlongside((t) => t.del(key)) : opts.writeAlongside((t) => t.set(key, value, 'EX', ANSWER_TTL_SEC));
      write.catch(() => undefined);
    },
  };
}

import type { LeadScore } from '@vocalia/contracts';
import type { HistoryTurn } from '@vocalia/agent';
import type { Redis } from '@vocalia/service-kit';
import type { EventPublisher } from '../events/event-publisher';

export interface SessionState {
  lead?: LeadScore;
  /** The lead already crossed the tenant's threshold in this session (lead.qualified is sent once). */
  qualified: boolean;
  turns: number;
}

export interface Session {
  history: HistoryTurn[];
  state: SessionState;
}

export interface SessionStore {
  load(tenantId: string, sessionId: string): Promise<Session>;
  /** Append this exchange (bounded to the last maxTurns messages) and replace the state; both expire together. */
  save(tenantId: string, sessionId: string, exchange: HistoryTurn[], state: SessionState): Promise<void>;
}

export interface SessionStoreOptions {
  /** The connection history is read on: the one the turn's pipeline is written on. */
  redis: Redis;
  /** The event publisher: the history write rides in the turn's pipeline, and a read first sends what is queued. */
  turnWrites: Pick<EventPublisher, 'writeAlongside' | 'sendQueued'>;
  keyPrefix: string;
  /** Messages kept per session, user and assistant each counting one. */
  maxTurns: number;
  ttlSec: number;
}

const parseJson = <T>(text: string | null | undefined): T | undefined => {
  if (!text) return undefined;
  try {
    return JSON.parse(text) as T;
  } catch {
    return undefined;
  }
};

/** Where a session lives in Redis, namespaced by tenant so a session id never reaches another tenant's history. */
export function sessionKeys(keyPrefix: string, tenantId: string, sessionId: string): { history: string; state: string } {
  const base = `${keyPrefix}:session:${tenantId}:${sessionId}`;
  return { history: `${base}:history`, state: `${base}:state` };
}

/** A session from its raw Redis values (the history list and the state string), skipping unreadable entries. */
export function parseSession(historyList: string[] | undefined, stateText: string | null | undefined): Session {
  const history = (historyList ?? []).map((t) => parseJson<HistoryTurn>(t)).filter((t): t is HistoryTurn => t !== undefined);
  const state = parseJson<SessionState>(stateText) ?? { qualified: false, turns: 0 };
  return { history, state };
}

/** Append the exchange, keep the last ARGV[1] messages, replace the state; both keys expire together. One script: atomic. */
const SAVE_SESSION_LUA = `
local ttl = tonumber(ARGV[2])
redis.call('RPUSH', KEYS[1], unpack(ARGV, 4))
redis.call('LTRIM', KEYS[1], -tonumber(ARGV[1]), -1)
redis.call('EXPIRE', KEYS[1], ttl)
redis.call('SET', KEYS[2], ARGV[3], 'EX', ttl)
return 1
`;

type SaveSession = (historyKey: string, stateKey: string, maxTurns: number, ttlSec: number, state: string, ...turns: string[]) => unknown;

/** Conversation memory in Redis, namespaced by tenant so a session id never reaches another tenant's history. */
export function createSessionStore(opts: SessionStoreOptions): SessionStore {
  const keys = (tenantId: string, sessionId: string) => sessionKeys(opts.keyPrefix, tenantId, sessionId);
  // Defined on the connection the turn's batch is sent on.
  opts.redis.defineCommand('vocaliaSaveSession', { numberOfKeys: 2, lua: SAVE_SESSION_LUA });
  return {
    async load(tenantId, sessionId) {
      const k = keys(tenantId, sessionId);
      const queued = opts.turnWrites.sendQueued();
      if (queued) await queued;
      const results = await opts.redis.multi().lrange(k.history, 0, -1).get(k.state).exec();
      const [historyResult, stateResult] = results ?? [];
      if (historyResult?.[0] || stateResult?.[0]) throw historyResult?.[0] ?? stateResult?.[0];
      return parseSession(historyResult?.[1] as string[] | undefined, stateResult?.[1] as string | null);
    },
    async save(tenantId, sessionId, exchange, state) {
      const k = keys(tenantId, sessionId);
      const turns = exchange.map((t) => JSON.stringify(t));
      await opts.turnWrites.writeAlongside((target) =>
        (target as unknown as { vocaliaSaveSession: SaveSession }).vocaliaSaveSession(k.history, k.state, opts.maxTurns, opts.ttlSec, JSON.stringify(state), ...turns),
      );
    },
  };
}

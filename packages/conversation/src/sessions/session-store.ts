import type { LeadScore } from '@vocalia/contracts';
import type { HistoryTurn } from '@vocalia/agent';
import type { Redis } from '@vocalia/service-kit';

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
  redis: Redis;
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

/** Conversation memory in Redis, namespaced by tenant so a session id never reaches another tenant's history. */
export function createSessionStore(opts: SessionStoreOptions): SessionStore {
  const keys = (tenantId: string, sessionId: string) => sessionKeys(opts.keyPrefix, tenantId, sessionId);
  return {
    async load(tenantId, sessionId) {
      const k = keys(tenantId, sessionId);
      const results = await opts.redis.multi().lrange(k.history, 0, -1).get(k.state).exec();
      const [historyResult, stateResult] = results ?? [];
      if (historyResult?.[0] || stateResult?.[0]) throw historyResult?.[0] ?? stateResult?.[0];
      return parseSession(historyResult?.[1] as string[] | undefined, stateResult?.[1] as string | null);
    },
    async save(tenantId, sessionId, exchange, state) {
      const k = keys(tenantId, sessionId);
      const results = await opts.redis
        .multi()
        .rpush(k.history, ...exchange.map((t) => JSON.stringify(t)))
        .ltrim(k.history, -opts.maxTurns, -1)
        .expire(k.history, opts.ttlSec)
        .set(k.state, JSON.stringify(state), 'EX', opts.ttlSec)
        .exec();
      const failed = results?.find(([err]) => err);
      if (failed) throw failed[0];
    },
  };
}

import { Agent } from 'undici';
import { guardedLookup } from '@vocalia/service-kit';

export interface GuardedAgent {
  /** One keep-alive connection pool per endpoint origin (undici); no redirects are ever followed. */
  dispatcher: Agent;
  allowPrivate: boolean;
  /** Ends every connection (after the worker has stopped). */
  destroy(): Promise<void>;
}

/** Connections per origin: the worker's concurrency (several tenants' endpoints may share one origin). */
const CONNECTIONS_PER_ORIGIN = 64;

/** An undici Agent whose every new connection goes through guardedLookup (HTTP and HTTPS alike). */
export function createGuardedAgent(allowPrivate: boolean, connectTimeoutMs: number): GuardedAgent {
  const dispatcher = new Agent({ connections: CONNECTIONS_PER_ORIGIN, connect: { lookup: guardedLookup(allowPrivate), timeout: connectTimeoutMs } });
  return { dispatcher, allowPrivate, destroy: () => dispatcher.destroy() };
}

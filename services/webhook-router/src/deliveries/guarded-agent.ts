import { lookup as dnsLookup, type LookupAddress, type LookupOptions } from 'node:dns';
import type { LookupFunction } from 'node:net';
import { Agent } from 'undici';
import { isPublicAddress } from '@vocalia/service-kit';

export class RefusedTargetError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'RefusedTargetError';
  }
}

/**
 * dns.lookup that fails when any address is not public: the check runs on the addresses the socket
 * will connect to (no DNS rebinding between a check and the connect).
 */
export function guardedLookup(allowPrivate: boolean): LookupFunction {
  return (hostname, options, callback) => {
    dnsLookup(hostname, { ...(options as LookupOptions), all: true }, (err, addresses: LookupAddress[]) => {
      if (err) return callback(err, '', 0);
      const refused = allowPrivate ? undefined : addresses.find((a) => !isPublicAddress(a.address));
      if (refused) return callback(new RefusedTargetError(`${hostname} resolves to ${refused.address}, not a public address`), '', 0);
      if ((options as LookupOptions).all) return (callback as unknown as (e: null, a: LookupAddress[]) => void)(null, addresses);
      const first = addresses[0] as LookupAddress;
      return callback(null, first.address, first.family);
    });
  };
}

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

import type { ResolvedPhoneNumber } from '@vocalia/contracts';
import { createSingleFlightCache } from '@vocalia/conversation';
import type { NumberDirectory } from '../calls/call-deps';
import type { ResolveNumber } from './resolve-client';

export interface NumberDirectoryOptions {
  ttlMs: number;
  maxNumbers: number;
  onRefreshFailed: (number: string) => void;
}

const NEGATIVE_TTL_MS = 10_000;

export interface CachedNumberDirectory extends NumberDirectory {
  /** A tenant changed (numbers bought or released, settings): drop every cached answer. */
  clear(): void;
}

/** Dialled number -> tenant, agent and call settings, cached like snapshots (served stale while db-api reloads). */
export function createNumberDirectory(resolve: ResolveNumber, opts: NumberDirectoryOptions): CachedNumberDirectory {
  const cache = createSingleFlightCache<ResolvedPhoneNumber>({
    load: resolve,
    ttlMs: opts.ttlMs,
    negativeTtlMs: Math.min(NEGATIVE_TTL_MS, opts.ttlMs),
    maxStaleMs: opts.ttlMs * 10,
    maxEntries: opts.maxNumbers,
    onRefreshFailed: opts.onRefreshFailed,
  });
  return { resolve: (number) => cache.get(number), clear: () => cache.clear() };
}

import { LRUCache } from 'lru-cache';

export interface SingleFlightCacheOptions<T> {
  load: (key: string) => Promise<T | null>;
  ttlMs: number;
  /** How long "does not exist" (null) is remembered. */
  negativeTtlMs: number;
  /** Past the TTL a value is still served at once, and reloaded in the background, for this long; after that callers wait for the load. */
  maxStaleMs: number;
  maxEntries: number;
  /** The memory budget: entries cost `sizeOf(value)` (measured once, when stored), least recently used dropped first. */
  maxBytes?: number;
  sizeOf?: (value: T) => number;
  /** A background reload failed; the stale value keeps serving until `maxStaleMs`. */
  onRefreshFailed?: (key: string, err: unknown) => void;
  now?: () => number;
}

export interface SingleFlightCache<T> {
  /** Fresh value, a stale one (reloaded behind it), or one load shared by every concurrent caller. */
  get(key: string): Promise<T | null>;
  /** Whether `get` would answer from memory now, without loading (a value, fresh or still servable stale, or a remembered "does not exist"). */
  holds(key: string): boolean;
  invalidate(key: string): void;
  clear(): void;
  readonly size: number;
}

interface Entry<T> {
  value: T | null;
  storedAt: number;
}

/**
 * An in-memory LRU cache where N concurrent misses make one load, an invalidation beats a load in
 * flight, and an expired value is served while it reloads (stale-while-revalidate, bounded).
 */
export function createSingleFlightCache<T>(opts: SingleFlightCacheOptions<T>): SingleFlightCache<T> {
  const now = opts.now ?? Date.now;
  const { sizeOf } = opts;
  const entries = new LRUCache<string, Entry<T>>({
    max: opts.maxEntries,
    ...(opts.maxBytes !== undefined && sizeOf
      ? { maxSize: opts.maxBytes, sizeCalculation: (entry: Entry<T>, key: string) => Buffer.byteLength(key) + (entry.value === null ? 1 : Math.max(1, sizeOf(entry.value))) }
      : {}),
  });
  const inflight = new Map<string, Promise<T | null>>();

  const startLoad = (key: string): Promise<T | null> => {
    const loading: Promise<T | null> = opts.load(key).then((value) => {
      // An invalidation while loading removed us from `inflight`: our value may predate it, so do not keep it.
      if (inflight.get(key) === loading) entries.set(key, { value, storedAt: now() });
      return value;
    });
    const cleanup = () => {
      if (inflight.get(key) === loading) inflight.delete(key);
    };
    loading.then(cleanup, cleanup);
    inflight.set(key, loading);
    return loading;
  };

  const load = (key: string) => inflight.get(key) ?? startLoad(key);

  return {
    get(key) {
      const entry = entries.get(key);
      if (!entry) return load(key);
      const age = now() - entry.storedAt;
      if (entry.value === null) return age < opts.negativeTtlMs ? Promise.resolve(null) : load(key);
      if (age < opts.ttlMs) return Promise.resolve(entry.value);
      if (age >= opts.ttlMs + opts.maxStaleMs) return load(key);
      if (!inflight.has(key)) startLoad(key).catch((err: unknown) => opts.onRefreshFailed?.(key, err));
      return Promise.resolve(entry.value);
    },
    holds(key) {
      const entry = entries.peek(key);
      if (!entry) return false;
      const age = now() - entry.storedAt;
      return entry.value === null ? age < opts.negativeTtlMs : age < opts.ttlMs + opts.maxStaleMs;
    },
    invalidate(key) {
      entries.delete(key);
      inflight.delete(key);
    },
    clear() {
      entries.clear();
      inflight.clear();
    },
    get size() {
      return entries.size;
    },
  };
}

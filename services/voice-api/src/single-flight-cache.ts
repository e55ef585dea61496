export interface SingleFlightCacheOptions<T> {
  load: (key: string) => Promise<T | null>;
  ttlMs: number;
  /** How long "does not exist" (null) is remembered. */
  negativeTtlMs: number;
  maxEntries: number;
  now?: () => number;
}

export interface SingleFlightCache<T> {
  /** Fresh value, or one load shared by every concurrent caller; a stale value when the reload fails. */
  get(key: string): Promise<T | null>;
  invalidate(key: string): void;
  clear(): void;
  readonly size: number;
}

interface Entry<T> {
  value: T | null;
  expiresAt: number;
}

/** An in-memory TTL cache where N concurrent misses make one load, and an invalidation beats a load in flight. */
export function createSingleFlightCache<T>(opts: SingleFlightCacheOptions<T>): SingleFlightCache<T> {
  const now = opts.now ?? Date.now;
  const entries = new Map<string, Entry<T>>();
  const inflight = new Map<string, Promise<T | null>>();

  const store = (key: string, value: T | null) => {
    entries.delete(key);
    entries.set(key, { value, expiresAt: now() + (value === null ? opts.negativeTtlMs : opts.ttlMs) });
    if (entries.size > opts.maxEntries) entries.delete(entries.keys().next().value as string);
  };

  const startLoad = (key: string, stale: Entry<T> | undefined): Promise<T | null> => {
    const loading: Promise<T | null> = opts.load(key).then(
      (value) => {
        // An invalidation while loading removed us from `inflight`: our value may predate it, so do not keep it.
        if (inflight.get(key) === loading) store(key, value);
        return value;
      },
      (err: unknown) => {
        if (stale && stale.value !== null) return stale.value;
        throw err;
      },
    );
    const cleanup = () => {
      if (inflight.get(key) === loading) inflight.delete(key);
    };
    loading.then(cleanup, cleanup);
    inflight.set(key, loading);
    return loading;
  };

  return {
    get(key) {
      const entry = entries.get(key);
      if (entry && entry.expiresAt > now()) return Promise.resolve(entry.value);
      return inflight.get(key) ?? startLoad(key, entry);
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

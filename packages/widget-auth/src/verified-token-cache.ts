export interface VerifiedTokenCacheOptions {
  maxEntries: number;
  /** Longest a verification is reused, whatever the token's own expiry. */
  maxAgeSec: number;
}

export interface VerifiedTokenCache<T> {
  /** The value remembered for this exact token string, unless it has expired by `nowSec`. */
  get(token: string, nowSec: number): T | undefined;
  /** Remember a successful verification until the token's `exp` (or maxAgeSec, whichever comes first). */
  set(token: string, value: T, nowSec: number, expSec: number): void;
}

interface Entry<T> {
  value: T;
  /** Seconds since the epoch at which the entry stops counting (exclusive, like jsonwebtoken's exp). */
  until: number;
}

/** Bounded LRU of verified tokens, keyed by the whole token (signature included), so only the very same bytes hit. */
export function createVerifiedTokenCache<T>(opts: VerifiedTokenCacheOptions): VerifiedTokenCache<T> {
  const entries = new Map<string, Entry<T>>();
  return {
    get(token, nowSec) {
      const entry = entries.get(token);
      if (!entry) return undefined;
      entries.delete(token);
      if (nowSec >= entry.until) return undefined;
      entries.set(token, entry);
      return entry.value;
    },
    set(token, value, nowSec, expSec) {
      entries.delete(token);
      entries.set(token, { value, until: Math.min(expSec, nowSec + opts.maxAgeSec) });
      if (entries.size > opts.maxEntries) entries.delete(entries.keys().next().value as string);
    },
  };
}

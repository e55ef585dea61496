import type { RateLimitWindow } from './rate-limits';

/** The rate-limit keys this process refused in the current window, forgotten when the window changes. */
export interface RefusalMemory {
  note(key: string, window: RateLimitWindow): void;
  /** True when one of `keys` was refused in `window`, or when more keys were refused than are kept. */
  refusedAny(window: RateLimitWindow, keys: readonly string[]): boolean;
}

export function createRefusalMemory(maxKeys: number): RefusalMemory {
  const keys = new Set<string>();
  let windowIndex = -1;
  let overflowed = false;
  const enter = (window: RateLimitWindow) => {
    if (window.index === windowIndex) return;
    windowIndex = window.index;
    keys.clear();
    overflowed = false;
  };
  return {
    note(key, window) {
      enter(window);
      if (keys.size < maxKeys) keys.add(key);
      else overflowed = true;
    },
    refusedAny(window, candidates) {
      enter(window);
      return overflowed || (keys.size > 0 && candidates.some((k) => keys.has(k)));
    },
  };
}

/** After attempt n fails, the next waits RETRY_DELAYS_MS[n-1] (Svix's schedule: about 27.5 h in all, 8 attempts). */
export const RETRY_DELAYS_MS = [5_000, 300_000, 1_800_000, 7_200_000, 18_000_000, 36_000_000, 36_000_000];

/** A failing endpoint is disabled once it has failed for this long. */
export const DISABLE_AFTER_FAILING_MS = 5 * 24 * 3_600_000;

/** +-10 %, so endpoints that failed together are not retried in one burst. */
export function jitter(ms: number): number {
  return Math.round(ms * (0.9 + Math.random() * 0.2));
}

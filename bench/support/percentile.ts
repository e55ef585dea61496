/** The q-quantile (0..1) of an ascending array, NaN when empty. */
export const percentile = (sorted: number[], q: number): number => sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))] ?? NaN;

/** The median of any array (sorted here, on a copy), NaN when empty. */
export const median = (values: readonly number[]): number => percentile([...values].sort((a, b) => a - b), 0.5);

import type { Row } from './fleet-rows';

const num = (v: number) => (!Number.isFinite(v) ? '-' : Math.abs(v) >= 100 ? v.toFixed(0) : v.toFixed(2));

/** The one table `pnpm bench` prints: every figure, its baseline from the same run, and ours / baseline. */
export function markdownTable(rows: Row[]): string {
  const lines = ['| measured | figure | VocalIA | baseline | ours / baseline | note |', '|---|---|---|---|---|---|'];
  for (const r of rows) {
    const ratio = r.baseline === null || r.baseline === 0 ? '' : `x${(r.value / r.baseline).toFixed(2)}`;
    lines.push(`| ${r.group} | ${r.figure} | ${num(r.value)} | ${r.baseline === null ? '' : num(r.baseline)} | ${ratio} | ${r.note ?? ''} |`);
  }
  return lines.join('\n');
}

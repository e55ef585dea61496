import { writeFileSync } from 'node:fs';

/** When `pnpm bench` runs this benchmark as a child (BENCH_JSON names a file), its figures go there for the one table. */
export function writeBenchJson(name: string, figures: unknown): void {
  const file = process.env.BENCH_JSON;
  if (file) writeFileSync(file, JSON.stringify({ name, figures }));
}

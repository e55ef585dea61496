import { existsSync } from 'node:fs';
import { join } from 'node:path';

export const REPO_ROOT = join(__dirname, '..', '..', '..');

/** services/<name>/src/main.ts, or infra/<name>/src/main.ts for the edge's helpers (edge-health). */
export function entryOf(service: string): string {
  for (const dir of ['services', 'infra']) {
    const entry = join(REPO_ROOT, dir, service, 'src', 'main.ts');
    if (existsSync(entry)) return entry;
  }
  throw new Error(`no services/${service}/src/main.ts nor infra/${service}/src/main.ts`);
}

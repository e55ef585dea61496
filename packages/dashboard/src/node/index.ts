import { existsSync } from 'node:fs';
import { dirname, join } from 'node:path';

/** Where `vite build` (run on install) writes the dashboard: index.html and assets/ with hashed names. */
export const DASHBOARD_DIST_DIR = join(dirname(__dirname), '..', 'dist');

/** True once the dashboard has been built (the install step does it). */
export function dashboardBuilt(dir: string = DASHBOARD_DIST_DIR): boolean {
  return existsSync(join(dir, 'index.html'));
}

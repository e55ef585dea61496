import { cpSync, existsSync } from 'node:fs';
import { join } from 'node:path';
import { REPO_ROOT } from './repo';

/**
 * Files workspace code reads at run time, by the package that reads them: copied beside the bundle at
 * their repository path whenever one of that package's modules is in it.
 */
const RUNTIME_FILES: Record<string, string[]> = {
  'packages/db/': ['packages/db/prisma/migrations'],
  'packages/widget/': ['packages/widget/build', 'packages/widget/package.json'],
  'packages/dashboard/': ['packages/dashboard/dist'],
  'services/realtime/': ['services/realtime/node_modules/@echogarden/fvad-wasm/fvad.wasm'],
};

export function copyRuntimeFiles(bundledInputs: string[], outDir: string): string[] {
  const copied: string[] = [];
  for (const [owner, files] of Object.entries(RUNTIME_FILES)) {
    if (!bundledInputs.some((input) => input.startsWith(owner))) continue;
    for (const file of files) {
      const from = join(REPO_ROOT, file);
      if (!existsSync(from)) throw new Error(`${file} is missing: build it first (pnpm install runs the builds)`);
      cpSync(from, join(outDir, file), { recursive: true, dereference: true });
      copied.push(file);
    }
  }
  return copied;
}

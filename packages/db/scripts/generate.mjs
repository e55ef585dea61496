// `prisma generate` without network: the CLI insists on a schema engine binary it never runs for
// generate, and would download one. Any executable satisfies it; node itself is always at hand.
// Plain .mjs so that it runs from postinstall before anything else is built.
import { spawnSync } from 'node:child_process';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const require = createRequire(import.meta.url);
const packageDir = join(dirname(fileURLToPath(import.meta.url)), '..');
const cli = join(dirname(require.resolve('prisma/package.json')), 'build', 'index.js');
const env = { ...process.env, PRISMA_SCHEMA_ENGINE_BINARY: process.env.PRISMA_SCHEMA_ENGINE_BINARY ?? process.execPath };
const result = spawnSync(process.execPath, [cli, 'generate'], { cwd: packageDir, env, stdio: 'inherit' });
process.exit(result.status ?? 1);

import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { bundleService } from './bundle-service';
import { freePort, privateRedis } from './private-redis';
import { entryOf, REPO_ROOT } from './repo';
import { startBundle } from './start-bundle';

/**
 * `pnpm --filter @vocalia/bundle measure [service]`: bundle size, and cold start (spawn to the first
 * 200 on GET /health) of the bundle beside the same service run from sources through tsx, 3 runs each.
 * Runs on a Redis of its own; db-api needs PostgreSQL (DATABASE_URL, or its development default), not migrated here.
 */
async function fromSources(service: string, port: number, env: Record<string, string>): Promise<number> {
  const started = process.hrtime.bigint();
  const child = spawn(process.execPath, ['--import', 'tsx', entryOf(service)], { cwd: REPO_ROOT, env: { ...env, PATH: process.env.PATH ?? '', PORT: String(port) }, stdio: 'ignore' });
  for (;;) {
    const res = await fetch(`http://127.0.0.1:${port}/health`).catch(() => undefined);
    if (res?.status === 200) break;
    await new Promise((r) => setTimeout(r, 10));
  }
  const ms = Number(process.hrtime.bigint() - started) / 1e6;
  child.kill('SIGTERM');
  await new Promise((r) => child.once('exit', r));
  return ms;
}

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;

async function main(): Promise<void> {
  const service = process.argv[2] ?? 'voice-api';
  const redis = await privateRedis();
  const env = { NODE_ENV: 'development', LOG_LEVEL: 'error', MIGRATE_ON_START: 'false', REDIS_URL: redis.url, ...(process.env.DATABASE_URL ? { DATABASE_URL: process.env.DATABASE_URL } : {}) };
  const out = mkdtempSync(join(tmpdir(), 'vocalia-measure-'));
  try {
    const b = await bundleService(service, join(out, service));
    const bundle: number[] = [];
    const sources: number[] = [];
    for (let i = 0; i < 3; i++) {
      const svc = await startBundle(b.outDir, await freePort(), env);
      bundle.push(svc.coldStartMs);
      await svc.stop();
      sources.push(await fromSources(service, await freePort(), env));
    }
    const mb = (n: number) => (n / 1024 / 1024).toFixed(1);
    process.stdout.write(
      `${service}: main.js ${mb(b.mainBytes)} MB, bundle dir ${mb(b.totalBytes)} MB; cold start to /health median of 3: bundle ${median(bundle).toFixed(0)} ms, tsx sources ${median(sources).toFixed(0)} ms (x${(median(sources) / median(bundle)).toFixed(1)})\n`,
    );
  } finally {
    rmSync(out, { recursive: true, force: true });
    await redis.stop();
  }
}

main().catch((err: unknown) => {
  process.stderr.write(`measure: ${err instanceof Error ? err.message : String(err)}\n`);
  process.exit(1);
});

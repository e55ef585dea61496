import { join } from 'node:path';
import { bundleService } from './bundle-service';
import { REPO_ROOT } from './repo';

const ALL = ['voice-api', 'realtime', 'telephony-bridge', 'oauth-gateway', 'webhook-router', 'db-api', 'edge-health'];

/** `pnpm bundle [service...] [--out dir]`: every service when none is named, each into <dir>/<service> (default dist/bundle), or <dir> itself for one. */
async function main(): Promise<void> {
  const args = process.argv.slice(2);
  const outAt = args.indexOf('--out');
  const out = outAt >= 0 ? args[outAt + 1] : undefined;
  const named = outAt >= 0 ? [...args.slice(0, outAt), ...args.slice(outAt + 2)] : args;
  const names = named.length ? named : ALL;
  for (const service of names) {
    const started = Date.now();
    const r = await bundleService(service, out && names.length === 1 ? out : join(out ?? join(REPO_ROOT, 'dist', 'bundle'), service));
    const mb = (n: number) => `${(n / 1024 / 1024).toFixed(1)} MB`;
    process.stdout.write(
      `${service}: ${r.outDir} main.js ${mb(r.mainBytes)}, total ${mb(r.totalBytes)}, node_modules: ${Object.keys(r.externals).join(' ') || 'none'} (${Date.now() - started} ms)\n`,
    );
  }
}

main().catch((err: unknown) => {
  process.stderr.write(`bundle: ${err instanceof Error ? err.message : String(err)}\n`);
  process.exit(1);
});

import { spawn, type ChildProcess } from 'node:child_process';
import { join } from 'node:path';

export interface StartedBundle {
  child: ChildProcess;
  url: string;
  /** From spawn to the first 200 on GET /health, in milliseconds. */
  coldStartMs: number;
  output: () => string;
  /** SIGTERM, then the exit code. */
  stop: () => Promise<number | null>;
}

/** `node --enable-source-maps main.js` in the bundle directory, with only `env` (no inherited variables). */
export async function startBundle(outDir: string, port: number, env: Record<string, string>, timeoutMs = 60_000): Promise<StartedBundle> {
  const started = process.hrtime.bigint();
  const child = spawn(process.execPath, ['--enable-source-maps', join(outDir, 'main.js')], {
    cwd: outDir,
    env: { PATH: process.env.PATH ?? '', ...env, PORT: String(port) },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  child.stdout?.on('data', (d: Buffer) => (output += d.toString()));
  child.stderr?.on('data', (d: Buffer) => (output += d.toString()));
  const exited = new Promise<number | null>((resolve) => child.once('exit', (code) => resolve(code)));
  const url = `http://127.0.0.1:${port}`;
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    if (child.exitCode !== null) throw new Error(`${outDir}/main.js exited (${child.exitCode}): ${output}`);
    if (Date.now() > deadline) {
      child.kill('SIGKILL');
      throw new Error(`${outDir}/main.js: no healthy GET /health within ${timeoutMs} ms: ${output}`);
    }
    const res = await fetch(`${url}/health`).catch(() => undefined);
    if (res?.status === 200) break;
    await new Promise((r) => setTimeout(r, 10));
  }
  const coldStartMs = Number(process.hrtime.bigint() - started) / 1e6;
  return {
    child,
    url,
    coldStartMs,
    output: () => output,
    stop: () => {
      child.kill('SIGTERM');
      return exited;
    },
  };
}

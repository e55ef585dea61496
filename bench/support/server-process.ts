import { fork } from 'node:child_process';
import { join } from 'node:path';
import { processCpuMs } from './cpu-split';

/** A measured server in its own process, as deployed: a bench/support entry run with tsx, ready and stopped over IPC. */
export interface ServerProcess<Ready> {
  name: string;
  pid: number;
  /** What the entry sent once listening (its port, the headers a request needs...). */
  ready: Ready;
  stop(): Promise<void>;
}

const STOP_DEADLINE_MS = 10_000;

/** Forks `entry` (a file in bench/support) and resolves when it sends its first message. */
export function startServerProcess<Ready>(name: string, entry: string, args: string[] = []): Promise<ServerProcess<Ready>> {
  const child = fork(join(__dirname, entry), args, {
    cwd: join(__dirname, '..'),
    execArgv: ['--import', 'tsx'],
    stdio: ['ignore', 'inherit', 'inherit', 'ipc'],
  });
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  const stop = async () => {
    if (child.exitCode !== null || child.signalCode !== null) return;
    child.send('stop');
    const timer = setTimeout(() => child.kill('SIGKILL'), STOP_DEADLINE_MS);
    await exited;
    clearTimeout(timer);
  };
  return new Promise((resolve, reject) => {
    child.once('message', (ready) => resolve({ name, pid: child.pid as number, ready: ready as Ready, stop }));
    child.once('exit', (code, signal) => reject(new Error(`${name} exited before it was ready (${signal ?? `exit ${code}`})`)));
  });
}

/** Called by an entry: report `ready` to the bench, and run `close` then exit when the bench says stop or goes away. */
export function serveUntilStopped(ready: unknown, close: () => Promise<void>): void {
  if (!process.send) throw new Error('run this entry through startServerProcess (it needs the IPC channel)');
  process.send(ready);
  let closing: Promise<void> | undefined;
  const stop = () => void (closing ??= close().finally(() => process.exit(0)));
  process.on('message', (message) => message === 'stop' && stop());
  // The bench died without stopping us: do not outlive it.
  process.on('disconnect', stop);
}

/** CPU ms so far of each named process (the bench's own included by the caller), read from /proc. */
export function cpuOf(pids: Record<string, number>): Record<string, number> {
  return Object.fromEntries(Object.entries(pids).map(([name, pid]) => [name, processCpuMs(pid) ?? NaN]));
}

/** CPU ms each process used between two readings, per request. */
export function cpuPerRequest(before: Record<string, number>, after: Record<string, number>, requests: number): Record<string, number> {
  return Object.fromEntries(Object.keys(after).map((name) => [name, (after[name]! - before[name]!) / Math.max(1, requests)]));
}

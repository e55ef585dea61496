import type { ChildProcess } from 'node:child_process';
import { createInterface } from 'node:readline';
import type { Readable, Writable } from 'node:stream';

export function hasExited(child: ChildProcess): boolean {
  return child.exitCode !== null || child.signalCode !== null;
}

export function waitForExit(child: ChildProcess): Promise<void> {
  if (hasExited(child)) return Promise.resolve();
  return new Promise((resolve) => child.once('exit', () => resolve()));
}

function signal(child: ChildProcess, sig: NodeJS.Signals, group: boolean): void {
  if (hasExited(child) || child.pid === undefined) return;
  try {
    // A detached child leads its own process group: kill the group so its own children go too.
    process.kill(group ? -child.pid : child.pid, sig);
  } catch {
    // Already gone.
  }
}

/**
 * SIGTERM, then SIGKILL once the deadline passes. `group` is for detached children that spawn
 * their own (embedded PostgreSQL): the SIGKILL then reaches the whole process group.
 */
export async function stopChild(child: ChildProcess, deadlineMs: number, group = false): Promise<'exited' | 'killed'> {
  if (hasExited(child)) return 'exited';
  signal(child, 'SIGTERM', false);
  let killed = false;
  const timer = setTimeout(() => {
    killed = true;
    signal(child, 'SIGKILL', group);
  }, deadlineMs);
  await waitForExit(child);
  clearTimeout(timer);
  return killed ? 'killed' : 'exited';
}

/** Last lines a child wrote, to explain why it died. */
export class RecentLines {
  private readonly lines: string[] = [];
  constructor(private readonly max = 20) {}
  push(line: string): void {
    this.lines.push(line);
    if (this.lines.length > this.max) this.lines.shift();
  }
  last(n = this.max): string[] {
    return this.lines.slice(-n);
  }
}

/**
 * Relay a child's output line by line: JSON log lines pass through unchanged (they name their
 * service), anything else is prefixed with the child's name.
 */
export function relayLines(stream: Readable | null, name: string, out: Writable, recent: RecentLines): void {
  if (!stream) return;
  const rl = createInterface({ input: stream, crlfDelay: Infinity });
  rl.on('line', (line) => {
    recent.push(line);
    out.write(line.startsWith('{') ? `${line}\n` : `${name} | ${line}\n`);
  });
}

const tracked = new Set<ChildProcess>();

/** Remember a child so that `terminateTracked` can reach it however the launcher exits. */
export function track<C extends ChildProcess>(child: C): C {
  tracked.add(child);
  child.once('exit', () => tracked.delete(child));
  return child;
}

/** Synchronous last resort (process 'exit'): SIGTERM whatever of ours still runs. */
export function terminateTracked(): void {
  for (const child of tracked) signal(child, 'SIGTERM', false);
}

import type { ChildProcess } from 'node:child_process';
import { hasExited, stopChild } from './child-process';

export interface BackoffPolicy {
  /** Delay before the first restart; doubled for each one after. */
  initialMs: number;
  /** The delay never grows past this. */
  maxMs: number;
  /** A child that ran at least this long before exiting starts the backoff over. */
  stableMs: number;
}

export const DEFAULT_BACKOFF: BackoffPolicy = { initialMs: 500, maxMs: 30000, stableMs: 60000 };

/** The delay before restart number `attempt` (0 for the first): doubling, capped. */
export function backoffDelay(attempt: number, policy: BackoffPolicy): number {
  return Math.min(policy.maxMs, policy.initialMs * 2 ** attempt);
}

export interface Exit {
  code: number | null;
  signal: NodeJS.Signals | null;
}

/** Run `run` after `delayMs`; returns what cancels it. */
export type Scheduler = (run: () => void, delayMs: number) => () => void;

const realTimers: Scheduler = (run, delayMs) => {
  const timer = setTimeout(run, delayMs);
  return () => clearTimeout(timer);
};

/** What time means to a supervisor: injected in tests, real timers otherwise. */
export interface SupervisionClock {
  policy?: BackoffPolicy;
  now?: () => number;
  schedule?: Scheduler;
}

export interface SupervisorOptions extends SupervisionClock {
  name: string;
  spawn: () => ChildProcess;
  /** Every child, the first and each restart (`restarts` counts the restarts before it). */
  onStart: (child: ChildProcess, restarts: number) => void;
  /** One human line per restart. */
  report: (line: string) => void;
}

function describeExit({ code, signal }: Exit): string {
  return signal ? `signal ${signal}` : `code ${code ?? 'unknown'}`;
}

/** Keeps one child running: an exit is answered by a restart after a growing delay, until stop(). */
export class Supervisor {
  private current?: ChildProcess;
  private attempt = 0;
  private restarts = 0;
  private startedAt = 0;
  private cancelRestart?: () => void;
  private stopped = false;
  private readonly policy: BackoffPolicy;
  private readonly now: () => number;
  private readonly schedule: Scheduler;

  constructor(private readonly opts: SupervisorOptions) {
    this.policy = opts.policy ?? DEFAULT_BACKOFF;
    this.now = opts.now ?? Date.now;
    this.schedule = opts.schedule ?? realTimers;
  }

  get child(): ChildProcess | undefined {
    return this.current;
  }

  start(): ChildProcess {
    const child = this.opts.spawn();
    this.current = child;
    this.startedAt = this.now();
    child.once('exit', (code, signal) => this.exited(child, { code, signal }));
    this.opts.onStart(child, this.restarts);
    return child;
  }

  private exited(child: ChildProcess, exit: Exit): void {
    if (this.stopped || child !== this.current) return;
    if (this.now() - this.startedAt >= this.policy.stableMs) this.attempt = 0;
    const delay = backoffDelay(this.attempt, this.policy);
    this.attempt += 1;
    this.opts.report(`${this.opts.name} exited (${describeExit(exit)}), restart in ${delay} ms`);
    this.cancelRestart = this.schedule(() => {
      this.cancelRestart = undefined;
      if (this.stopped) return;
      this.restarts += 1;
      this.start();
    }, delay);
  }

  /** No restart from now on; SIGTERM the running child, SIGKILL at the deadline. */
  async stop(deadlineMs: number): Promise<'exited' | 'killed'> {
    this.stopped = true;
    this.cancelRestart?.();
    if (!this.current || hasExited(this.current)) return 'exited';
    return stopChild(this.current, deadlineMs);
  }
}

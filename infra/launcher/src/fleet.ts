import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import type { Logger } from '@vocalia/service-kit';
import { RecentLines, hasExited, relayLines, track } from './child-process';
import { serviceEntry } from './paths';
import type { FleetService } from './route-table';
import { Supervisor, type SupervisionClock } from './supervisor';

export interface ServiceState {
  name: string;
  port: number;
  url: string;
  state: 'starting' | 'healthy' | 'failed';
  /** Why it failed, in one line. */
  reason?: string;
}

export interface FleetOptions {
  cwd: string;
  /** Environment every service gets; PORT is set per service on top. */
  env: NodeJS.ProcessEnv;
  startTimeoutMs: number;
  logger: Logger;
  /** Where the one line per restart (and per recovery) goes. */
  report: (line: string) => void;
  supervision?: SupervisionClock;
}

interface Running {
  spec: FleetService;
  supervisor: Supervisor;
  recent: RecentLines;
  state: ServiceState;
}

function sleep(ms: number): Promise<void> {
  return new Promise((r) => setTimeout(r, ms));
}

async function healthy(url: string): Promise<boolean> {
  try {
    const res = await fetch(`${url}/health`, { signal: AbortSignal.timeout(1000) });
    await res.arrayBuffer();
    return res.ok;
  } catch {
    return false;
  }
}

/** The six services as child processes: `node --import tsx services/<name>/src/main.ts`. */
export class Fleet {
  private readonly running: Running[] = [];
  private stopping = false;

  constructor(private readonly opts: FleetOptions) {}

  /**
   * Spawn one service under supervision (restarted with backoff whenever it exits) and wait for its
   * GET /health; never throws, the state says what happened.
   */
  async start(spec: FleetService): Promise<ServiceState> {
    const url = `http://127.0.0.1:${spec.port}`;
    const entry = serviceEntry(spec.name);
    if (!existsSync(join(this.opts.cwd, entry))) return { name: spec.name, port: spec.port, url, state: 'failed', reason: `${entry} does not exist` };
    const recent = new RecentLines();
    const state: ServiceState = { name: spec.name, port: spec.port, url, state: 'starting' };
    let first: Promise<void> = Promise.resolve();
    const supervisor = new Supervisor({
      ...this.opts.supervision,
      name: spec.name,
      report: this.opts.report,
      spawn: () =>
        track(spawn(process.execPath, ['--import', 'tsx', entry], { cwd: this.opts.cwd, env: { ...this.opts.env, PORT: String(spec.port) }, stdio: ['ignore', 'pipe', 'pipe'] })),
      onStart: (child, restarts) => {
        relayLines(child.stdout, spec.name, process.stdout, recent);
        relayLines(child.stderr, spec.name, process.stderr, recent);
        child.once('exit', (code, signal) => {
          if (this.stopping) return;
          state.state = 'failed';
          state.reason = `exited (${signal ?? `code ${code}`}): ${recent.last(1)[0] ?? 'no output'}`;
        });
        const healthyNow = this.waitHealthy(child, state);
        if (restarts === 0) first = healthyNow;
        else void healthyNow.then(() => state.state === 'healthy' && this.opts.report(`${spec.name} healthy again after restart ${restarts}`));
      },
    });
    this.running.push({ spec, supervisor, recent, state });
    supervisor.start();
    await first;
    return state;
  }

  private async waitHealthy(child: ChildProcess, state: ServiceState): Promise<void> {
    state.state = 'starting';
    const deadline = Date.now() + this.opts.startTimeoutMs;
    while (!hasExited(child) && !this.stopping && Date.now() < deadline) {
      if (await healthy(state.url)) {
        state.state = 'healthy';
        return;
      }
      await sleep(250);
    }
    if (hasExited(child) || this.stopping) return;
    state.state = 'failed';
    state.reason = `no healthy GET /health within ${this.opts.startTimeoutMs} ms`;
  }

  /** No more restarts; SIGTERM to every service at once, SIGKILL for those still running at the deadline. */
  async stop(deadlineMs: number): Promise<void> {
    this.stopping = true;
    const results = await Promise.all(this.running.map(async (r) => [r.spec.name, await r.supervisor.stop(deadlineMs)] as const));
    const killed = results.filter(([, how]) => how === 'killed').map(([name]) => name);
    if (killed.length) this.opts.logger.warn('services killed after the shutdown deadline', { killed, deadlineMs });
  }
}

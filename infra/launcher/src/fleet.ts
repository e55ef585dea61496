import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import type { Logger } from '@vocalia/service-kit';
import { RecentLines, hasExited, relayLines, stopChild, track } from './child-process';
import { serviceEntry } from './paths';
import type { FleetService } from './route-table';

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
}

interface Running {
  spec: FleetService;
  child: ChildProcess;
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

  /** Spawn one service and wait for its GET /health; never throws, the state says what happened. */
  async start(spec: FleetService): Promise<ServiceState> {
    const url = `http://127.0.0.1:${spec.port}`;
    const entry = serviceEntry(spec.name);
    if (!existsSync(join(this.opts.cwd, entry))) return { name: spec.name, port: spec.port, url, state: 'failed', reason: `${entry} does not exist` };
    const child = track(
      spawn(process.execPath, ['--import', 'tsx', entry], { cwd: this.opts.cwd, env: { ...this.opts.env, PORT: String(spec.port) }, stdio: ['ignore', 'pipe', 'pipe'] }),
    );
    const run: Running = { spec, child, recent: new RecentLines(), state: { name: spec.name, port: spec.port, url, state: 'starting' } };
    this.running.push(run);
    relayLines(child.stdout, spec.name, process.stdout, run.recent);
    relayLines(child.stderr, spec.name, process.stderr, run.recent);
    child.once('exit', (code, signal) => {
      if (this.stopping) return;
      run.state.state = 'failed';
      run.state.reason = `exited (${signal ?? `code ${code}`}): ${run.recent.last(1)[0] ?? 'no output'}`;
      this.opts.logger.error('service exited', { what: spec.name, code, signal });
    });
    await this.waitHealthy(run);
    return run.state;
  }

  private async waitHealthy(run: Running): Promise<void> {
    const deadline = Date.now() + this.opts.startTimeoutMs;
    while (!hasExited(run.child) && Date.now() < deadline) {
      if (await healthy(run.state.url)) {
        run.state.state = 'healthy';
        return;
      }
      await sleep(250);
    }
    if (hasExited(run.child)) return;
    run.state.state = 'failed';
    run.state.reason = `no healthy GET /health within ${this.opts.startTimeoutMs} ms`;
  }

  /** SIGTERM to every service at once, SIGKILL for those still running at the deadline. */
  async stop(deadlineMs: number): Promise<void> {
    this.stopping = true;
    const results = await Promise.all(this.running.map(async (r) => [r.spec.name, await stopChild(r.child, deadlineMs)] as const));
    const killed = results.filter(([, how]) => how === 'killed').map(([name]) => name);
    if (killed.length) this.opts.logger.warn('services killed after the shutdown deadline', { killed, deadlineMs });
  }
}

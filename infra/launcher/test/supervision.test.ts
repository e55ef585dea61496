import { spawn } from 'node:child_process';
import { join } from 'node:path';
import { createLogger } from '@vocalia/service-kit';
import { createEdge, type Edge } from '../src/edge';
import { Fleet } from '../src/fleet';
import { ROUTES_FILE } from '../src/paths';
import { freePort } from '../src/ports';
import { loadRouteTable, type FleetService } from '../src/route-table';
import { backoffDelay, Supervisor, type Scheduler } from '../src/supervisor';

/** Lines as they are reported, and a way to wait for the next one matching a pattern. */
function lineLog() {
  const lines: string[] = [];
  const waiters: { re: RegExp; resolve: (line: string) => void }[] = [];
  const report = (line: string) => {
    lines.push(line);
    for (const w of [...waiters]) {
      if (w.re.test(line)) {
        waiters.splice(waiters.indexOf(w), 1);
        w.resolve(line);
      }
    }
  };
  /** The first line matching `re` reported after this call. */
  const next = (re: RegExp) => new Promise<string>((resolve) => waiters.push({ re, resolve }));
  return { lines, report, next };
}

/** Restarts run when the test says so: the delay asked for is recorded. */
function manualScheduler() {
  const pending: { run: () => void; delayMs: number; cancelled: boolean }[] = [];
  const schedule: Scheduler = (run, delayMs) => {
    const entry = { run, delayMs, cancelled: false };
    pending.push(entry);
    return () => void (entry.cancelled = true);
  };
  const runNext = () => {
    const entry = pending.shift();
    if (!entry) throw new Error('no restart is scheduled');
    if (!entry.cancelled) entry.run();
  };
  return { pending, schedule, runNext };
}

async function edgeHealth(base: string): Promise<{ status: number; echo: string }> {
  const res = await fetch(`${base}/health`);
  const body = (await res.json()) as { services: Record<string, { status: string }> };
  return { status: res.status, echo: body.services.echo?.status ?? 'missing' };
}

async function pidOf(url: string): Promise<number> {
  return Number(await (await fetch(`${url}/pid`)).text());
}

describe('backoffDelay', () => {
  it('when restarts follow one another, then the delay doubles up to the cap', () => {
    const policy = { initialMs: 500, maxMs: 30000, stableMs: 60000 };
    expect([0, 1, 2, 3, 4, 5, 6, 7].map((n) => backoffDelay(n, policy))).toEqual([500, 1000, 2000, 4000, 8000, 16000, 30000, 30000]);
  });
});

describe('Supervisor', () => {
  it('when a child keeps dying, then each restart waits twice as long, capped, and a child that stayed up starts the backoff over', async () => {
    let now = 0;
    const { report, next } = lineLog();
    const timers = manualScheduler();
    const children: number[] = [];
    const supervisor = new Supervisor({
      name: 'sleeper',
      spawn: () => spawn(process.execPath, ['-e', 'setInterval(() => undefined, 1000)'], { stdio: 'ignore' }),
      onStart: (child) => children.push(child.pid ?? 0),
      report,
      policy: { initialMs: 100, maxMs: 300, stableMs: 10000 },
      now: () => now,
      schedule: timers.schedule,
    });
    supervisor.start();
    const delays: string[] = [];
    const killAndRestart = async () => {
      const line = next(/^sleeper exited/);
      process.kill(children.at(-1)!, 'SIGKILL');
      delays.push(await line);
      timers.runNext();
    };
    try {
      await killAndRestart();
      await killAndRestart();
      await killAndRestart();
      now += 10000;
      await killAndRestart();
      expect(delays).toEqual([
        'sleeper exited (signal SIGKILL), restart in 100 ms',
        'sleeper exited (signal SIGKILL), restart in 200 ms',
        'sleeper exited (signal SIGKILL), restart in 300 ms',
        'sleeper exited (signal SIGKILL), restart in 100 ms',
      ]);
      expect(new Set(children).size).toBe(5);
    } finally {
      await supervisor.stop(2000);
    }
  });
});

describe('a supervised fleet behind the edge', () => {
  const cwd = join(__dirname, 'fixtures', 'fleet');
  const logger = createLogger('launcher-test', 'error');
  let spec: FleetService;
  let edge: Edge;
  let base: string;

  beforeAll(async () => {
    spec = { name: 'echo', port: await freePort() };
    edge = createEdge({ ...loadRouteTable(ROUTES_FILE), services: [spec] });
    base = `http://127.0.0.1:${await edge.listen(0, '127.0.0.1')}`;
  });

  afterAll(() => edge.close(100));

  it('when a service is killed, then one line says so, /health reports it down until the restart, and up again after', async () => {
    const { report, next } = lineLog();
    const timers = manualScheduler();
    const fleet = new Fleet({ cwd, env: process.env, startTimeoutMs: 30000, logger, report, supervision: { schedule: timers.schedule } });
    try {
      expect(await fleet.start(spec)).toMatchObject({ state: 'healthy' });
      expect(await edgeHealth(base)).toEqual({ status: 200, echo: 'ok' });
      const firstPid = await pidOf(`http://127.0.0.1:${spec.port}`);

      const exited = next(/^echo exited/);
      process.kill(firstPid, 'SIGKILL');
      expect(await exited).toBe('echo exited (signal SIGKILL), restart in 500 ms');
      expect(timers.pending.map((t) => t.delayMs)).toEqual([500]);
      expect(await edgeHealth(base)).toEqual({ status: 503, echo: 'down' });

      const back = next(/^echo healthy again/);
      timers.runNext();
      expect(await back).toBe('echo healthy again after restart 1');
      expect(await edgeHealth(base)).toEqual({ status: 200, echo: 'ok' });
      expect(await pidOf(`http://127.0.0.1:${spec.port}`)).not.toBe(firstPid);
    } finally {
      await fleet.stop(5000);
    }
  });

  it('when the fleet stops, then its services exit and none is restarted', async () => {
    const { lines, report } = lineLog();
    const timers = manualScheduler();
    const fleet = new Fleet({ cwd, env: process.env, startTimeoutMs: 30000, logger, report, supervision: { schedule: timers.schedule } });
    expect(await fleet.start(spec)).toMatchObject({ state: 'healthy' });
    const pid = await pidOf(`http://127.0.0.1:${spec.port}`);

    await fleet.stop(5000);

    expect(() => process.kill(pid, 0)).toThrow(expect.objectContaining({ code: 'ESRCH' }));
    expect(timers.pending).toEqual([]);
    expect(lines).toEqual([]);
    expect(await edgeHealth(base)).toEqual({ status: 503, echo: 'down' });
  });

  it('when restarts run on real timers, then a killed service comes back by itself', async () => {
    const { report, next } = lineLog();
    const fleet = new Fleet({ cwd, env: process.env, startTimeoutMs: 30000, logger, report, supervision: { policy: { initialMs: 50, maxMs: 1000, stableMs: 60000 } } });
    try {
      expect(await fleet.start(spec)).toMatchObject({ state: 'healthy' });
      const back = next(/^echo healthy again after restart 1$/);
      process.kill(await pidOf(`http://127.0.0.1:${spec.port}`), 'SIGKILL');
      await back;
      expect(await edgeHealth(base)).toEqual({ status: 200, echo: 'ok' });
    } finally {
      await fleet.stop(5000);
    }
  });
});

/**
 * The load side of `telephony-streams.bench.ts`: the echoing realtime model in one child process and
 * the callers split over `procs` child processes, all driven over IPC. A drive dials N calls, lets them
 * stream through a warm-up, measures a window, then hangs up; figures come from every caller process.
 */
import { fork, type ChildProcess } from 'node:child_process';
import { join } from 'node:path';
import type { FromModel, ToModel } from './echo-realtime-model';
import { percentile } from './percentile';
import type { FromCallers, PlacedCall, ToCallers } from './phone-callers';

export interface DriveFigures {
  p50: number;
  p99: number;
  /** Reply chunks due for the frames sent in the window that arrived (timed), and those that did not. */
  chunks: number;
  lost: number;
  /** Frames the callers sent in the window, in % of what real time asks (50 a second per call): under 100, the rig fell behind and the row measures the machine. */
  realTimePct: number;
  /** The measured process (edge + bridge or relay), per call, in % of one core. */
  cpuPerCallPct: number;
  /** The callers' processes and the model's, in % of one core each, summed. */
  loadCpuPct: number;
}

/** A Twilio media frame every 20 ms per call. */
const FRAME_MS = 20;

const spawn = (file: string) => fork(join(__dirname, file), [], { execArgv: ['--import', require.resolve('tsx')] });

function next<M extends { type: string }, T extends M['type']>(child: ChildProcess, type: T | 'failed'): Promise<Extract<M, { type: T }>> {
  return new Promise((resolve, reject) => {
    const listen = (m: M) => {
      if (m.type !== type && m.type !== 'failed') return;
      child.off('message', listen);
      if (m.type === 'failed') reject(new Error(`callers: ${(m as unknown as { error: string }).error}`));
      else resolve(m as Extract<M, { type: T }>);
    };
    child.on('message', listen);
  });
}

export class PhoneLoadRig {
  private constructor(
    private readonly model: ChildProcess,
    private readonly callers: ChildProcess[],
    readonly modelUrl: string,
  ) {}

  static async start(procs: number): Promise<PhoneLoadRig> {
    const model = spawn('echo-realtime-model.ts');
    const { url } = await next<FromModel, 'model'>(model, 'model');
    return new PhoneLoadRig(model, Array.from({ length: procs }, () => spawn('phone-callers.ts')), url);
  }

  private toCallers(m: ToCallers): void {
    for (const c of this.callers) c.send(m);
  }

  /** `calls` at real time to `url`: warm-up, then `seconds` measured; this process's CPU is taken over the same window. */
  async drive(url: string, calls: PlacedCall[], seconds: number, warmupMs: number): Promise<DriveFigures> {
    const dialling = performance.now();
    await Promise.all(this.callers.map((c, i) => (c.send({ type: 'dial', url, calls: calls.filter((_, k) => k % this.callers.length === i) } satisfies ToCallers), next<FromCallers, 'dialled'>(c, 'dialled'))));
    process.stderr.write(`${calls.length} calls to ${url} connected in ${((performance.now() - dialling) / 1000).toFixed(1)} s\n`);
    await new Promise((r) => setTimeout(r, warmupMs));
    this.toCallers({ type: 'measure' });
    this.model.send({ type: 'cpu-start' } satisfies ToModel);
    const cpu = process.cpuUsage();
    const started = performance.now();
    await new Promise((r) => setTimeout(r, seconds * 1000));
    const used = process.cpuUsage(cpu);
    const elapsedMs = performance.now() - started;
    this.toCallers({ type: 'stop-measuring' });
    const modelCpu = next<FromModel, 'cpu'>(this.model, 'cpu');
    this.model.send({ type: 'cpu-stop' } satisfies ToModel);
    // Frames of the window still in flight come back while the calls keep streaming.
    await new Promise((r) => setTimeout(r, 1000));
    const reports = await Promise.all(this.callers.map((c) => (c.send({ type: 'report' } satisfies ToCallers), next<FromCallers, 'figures'>(c, 'figures'))));
    await Promise.all(this.callers.map((c) => (c.send({ type: 'hang-up' } satisfies ToCallers), next<FromCallers, 'hung-up'>(c, 'hung-up'))));
    const latencies = reports.flatMap((r) => r.latencies).sort((a, b) => a - b);
    const sent = reports.reduce((sum, r) => sum + r.sent, 0);
    const frames = reports.reduce((sum, r) => sum + r.frames, 0);
    const loadCpuPct = reports.reduce((sum, r) => sum + r.cpuPct, (await modelCpu).cpuPct);
    return {
      p50: percentile(latencies, 0.5),
      p99: percentile(latencies, 0.99),
      chunks: latencies.length,
      lost: sent - latencies.length,
      realTimePct: (frames / (calls.length * (elapsedMs / FRAME_MS))) * 100,
      cpuPerCallPct: ((used.user + used.system) / 1000 / elapsedMs / calls.length) * 100,
      loadCpuPct,
    };
  }

  stop(): void {
    this.toCallers({ type: 'exit' });
    this.model.send({ type: 'exit' } satisfies ToModel);
  }
}

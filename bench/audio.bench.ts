/**
 * packages/audio per 20 ms telephone frame (160 mu-law samples at 8 kHz): decode, resample 8 -> 24 kHz
 * (what a 24 kHz speech model hears), resample 24 -> 8 kHz (what it says back), encode; beside a naive
 * implementation (Math per sample, new arrays per frame) measured in the same run, alternating rounds.
 * The naive resampler is linear interpolation / averaging: it does less filtering than the 16-tap
 * polyphase FIR it is compared with. Prints figures, asserts nothing.
 * Run: `pnpm bench:audio` (BENCH_FRAMES frames per round, default 20000).
 */
import { cpus, loadavg } from 'node:os';
import { createResampler, decodeMulaw, encodeMulaw } from '@vocalia/audio';
import { naiveDecodeMulaw, naiveDownsample, naiveEncodeMulaw, naiveUpsample } from './support/naive-audio';
import { median } from './support/percentile';

const FRAMES = Number(process.env.BENCH_FRAMES ?? 20000);
const ROUNDS = 7;
const FRAME = 160;
const out = (line = '') => process.stdout.write(`${line}\n`);

/** Two seconds of speech-like audio (harmonics of a gliding pitch, syllable envelope), mu-law coded. */
function speechLikeFrames(): Uint8Array[] {
  const samples = Int16Array.from({ length: 16000 }, (_, i) => {
    const t = i / 8000;
    const pitch = 120 + 40 * Math.sin(2 * Math.PI * 0.7 * t);
    const envelope = Math.max(0, Math.sin(2 * Math.PI * 3 * t));
    let v = 0;
    for (let h = 1; h <= 12; h++) v += Math.sin(2 * Math.PI * pitch * h * t) / h;
    return Math.round(9000 * envelope * v);
  });
  const codes = new Uint8Array(samples.length);
  encodeMulaw(samples, codes);
  return Array.from({ length: samples.length / FRAME }, (_, f) => codes.subarray(f * FRAME, (f + 1) * FRAME));
}

type Step = (frame: Uint8Array) => number;

function tableDriven(): Record<string, Step> {
  const pcm8 = new Int16Array(FRAME);
  const pcm24 = new Int16Array(FRAME * 3);
  const back8 = new Int16Array(FRAME);
  const codes = new Uint8Array(FRAME);
  const up = createResampler(8000, 24000);
  const down = createResampler(24000, 8000);
  return {
    codec: (frame) => (decodeMulaw(frame, pcm8), encodeMulaw(pcm8, codes), codes[0]!),
    resample: (frame) => (decodeMulaw(frame, pcm8), up.process(pcm8, pcm24), down.process(pcm24, back8)),
    pipeline: (frame) => (decodeMulaw(frame, pcm8), up.process(pcm8, pcm24), down.process(pcm24, back8), encodeMulaw(back8, codes), codes[0]!),
  };
}

const naive: Record<string, Step> = {
  codec: (frame) => naiveEncodeMulaw(naiveDecodeMulaw(frame))[0]!,
  resample: (frame) => naiveDownsample(naiveUpsample(naiveDecodeMulaw(frame), 3), 3).length,
  pipeline: (frame) => naiveEncodeMulaw(naiveDownsample(naiveUpsample(naiveDecodeMulaw(frame), 3), 3))[0]!,
};

/** ns per frame over FRAMES frames. */
function time(step: Step, frames: Uint8Array[]): number {
  let sink = 0;
  const started = process.hrtime.bigint();
  for (let i = 0; i < FRAMES; i++) sink += step(frames[i % frames.length]!);
  const ns = Number(process.hrtime.bigint() - started) / FRAMES;
  if (sink === Number.MIN_SAFE_INTEGER) out('unreachable');
  return ns;
}


function main(): void {
  const frames = speechLikeFrames();
  const ours = tableDriven();
  const rows: { name: string; what: string; ours: number; naive: number }[] = [
    { name: 'codec', what: 'decode + encode (160 samples)', ours: 0, naive: 0 },
    { name: 'resample', what: 'decode + 8->24 kHz + 24->8 kHz', ours: 0, naive: 0 },
    { name: 'pipeline', what: 'decode + 8->24 kHz + 24->8 kHz + encode', ours: 0, naive: 0 },
  ];
  for (const row of rows) {
    time(ours[row.name]!, frames);
    time(naive[row.name]!, frames);
    const a: number[] = [];
    const b: number[] = [];
    for (let r = 0; r < ROUNDS; r++) {
      a.push(time(ours[row.name]!, frames));
      b.push(time(naive[row.name]!, frames));
    }
    row.ours = median(a);
    row.naive = median(b);
  }
  out(`packages/audio, ns per 20 ms frame (160 mu-law samples), median of ${ROUNDS} alternating rounds of ${FRAMES} frames, Node ${process.version}`);
  out('| step | packages/audio ns | naive ns | naive / ours | frames per core-second (ours) |');
  out('|---|---|---|---|---|');
  for (const row of rows) {
    out(`| ${row.what} | ${row.ours.toFixed(0)} | ${row.naive.toFixed(0)} | ${(row.naive / row.ours).toFixed(1)}x | ${Math.round(1e9 / row.ours).toLocaleString('en')} |`);
  }
  const pipeline = rows[2]!;
  out();
  const share = (ns: number) => ((ns * 50) / 1e7).toFixed(2);
  out(`A transcoded call does this work once per 20 ms (decode + up toward the model, down + encode back), 50 frames/s: ${share(pipeline.ours)}% of a core per call (naive: ${share(pipeline.naive)}%).`);
  out(`Load average while measuring: ${loadavg().map((l) => l.toFixed(1)).join(' ')} on ${cpus().length} cores (figures scale with it).`);
}

main();

import { lowPass, toPcm16 } from './fir';

export type SampleRate = 8000 | 16000 | 24000;

/** Streaming PCM16 resampler: filter state carries across frames, so frame edges make no clicks. */
export interface Resampler {
  readonly from: SampleRate;
  readonly to: SampleRate;
  /** Samples `process` will write for the next `inputLength` input samples. */
  outputLength(inputLength: number): number;
  /** Resamples `input` into `output` (at least `outputLength(input.length)` long); returns the samples written. */
  process(input: Int16Array, output: Int16Array): number;
  /** Forget the past (a new stream). */
  reset(): void;
}

export interface ResamplerOptions {
  /**
   * Filter taps per polyphase branch: more is a flatter passband and a steeper anti-alias filter, and
   * more work (default 16). A round trip 8 kHz -> up -> down is delayed by `tapsPerPhase - 1` samples.
   */
  tapsPerPhase?: number;
  /** Frame size the work buffer is sized for up front; a longer frame grows it once. Default 960 (40 ms at 24 kHz). */
  maxFrame?: number;
}

/** Cutoff at the lower rate's Nyquist frequency: what still aliases lands above the telephone band (3.4 kHz). */
const CUTOFF = 0.5;

/** Input samples before the current frame, then the frame: filters read their past without branching. */
class WorkBuffer {
  samples: Int16Array;
  constructor(readonly history: number, capacity: number) {
    this.samples = new Int16Array(history + capacity);
  }
  load(input: Int16Array): Int16Array {
    if (this.samples.length < this.history + input.length) {
      const grown = new Int16Array(this.history + input.length);
      grown.set(this.samples.subarray(0, this.history));
      this.samples = grown;
    }
    this.samples.set(input, this.history);
    return this.samples;
  }
  /** Keep the last `history` samples of this frame for the next one. */
  keep(inputLength: number): void {
    this.samples.copyWithin(0, inputLength, inputLength + this.history);
  }
  clear(): void {
    this.samples.fill(0);
  }
}

function upsampler(from: SampleRate, to: SampleRate, factor: number, taps: number, maxFrame: number): Resampler {
  const prototype = lowPass(factor * taps, CUTOFF / factor, factor);
  // Branch p, tap k: prototype[p + k * factor], stored contiguously per branch.
  const branches = new Float64Array(factor * taps);
  for (let p = 0; p < factor; p++) for (let k = 0; k < taps; k++) branches[p * taps + k] = prototype[p + k * factor]!;
  const work = new WorkBuffer(taps - 1, maxFrame);
  return {
    from,
    to,
    outputLength: (n) => n * factor,
    process(input, output) {
      const n = input.length;
      if (output.length < n * factor) throw new RangeError(`resample ${from}->${to}: output holds ${output.length} samples, needs ${n * factor}`);
      const x = work.load(input);
      let out = 0;
      for (let i = 0; i < n; i++) {
        const newest = work.history + i;
        for (let p = 0; p < factor; p++) {
          const base = p * taps;
          let acc = 0;
          for (let k = 0; k < taps; k++) acc += x[newest - k]! * branches[base + k]!;
          output[out++] = toPcm16(acc);
        }
      }
      work.keep(n);
      return out;
    },
    reset: () => work.clear(),
  };
}

function downsampler(from: SampleRate, to: SampleRate, factor: number, taps: number, maxFrame: number): Resampler {
  const length = factor * taps;
  const filter = lowPass(length, CUTOFF / factor, 1);
  const work = new WorkBuffer(length - 1, maxFrame);
  /** Input samples received since the last output sample. */
  let pending = 0;
  const outputLength = (n: number) => Math.floor((pending + n) / factor);
  return {
    from,
    to,
    outputLength,
    process(input, output) {
      const n = input.length;
      const count = outputLength(n);
      if (output.length < count) throw new RangeError(`resample ${from}->${to}: output holds ${output.length} samples, needs ${count}`);
      const x = work.load(input);
      let position = work.history + (factor - 1 - pending);
      for (let out = 0; out < count; out++, position += factor) {
        let acc = 0;
        for (let j = 0; j < length; j++) acc += x[position - j]! * filter[j]!;
        output[out] = toPcm16(acc);
      }
      pending = (pending + n) % factor;
      work.keep(n);
      return count;
    },
    reset() {
      work.clear();
      pending = 0;
    },
  };
}

/** 8 kHz (telephony) to and from 16 or 24 kHz (speech models, browsers), by polyphase FIR filtering. */
export function createResampler(from: SampleRate, to: SampleRate, options: ResamplerOptions = {}): Resampler {
  const taps = options.tapsPerPhase ?? 16;
  const maxFrame = options.maxFrame ?? 960;
  if (from === 8000 && (to === 16000 || to === 24000)) return upsampler(from, to, to / from, taps, maxFrame);
  if (to === 8000 && (from === 16000 || from === 24000)) return downsampler(from, to, from / to, taps, maxFrame);
  throw new RangeError(`createResampler: ${from} Hz -> ${to} Hz is not supported (8000 <-> 16000 or 24000)`);
}

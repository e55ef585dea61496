import { createResampler, decodeMulaw, encodeMulaw, pcm16Bytes, pcm16Samples } from '@vocalia/audio';

/** What the realtime model takes and gives: phone mu-law as is, or PCM16 at 24 kHz (transcoded here). */
export type ModelAudioFormat = 'pcmu' | 'pcm16';

export interface AudioPath {
  /** A Twilio media payload (base64 mu-law, 8 kHz) as the model's `input_audio_buffer.append` audio. */
  toModel(payload: string): string;
  /** A model audio delta as a Twilio media payload, and how many milliseconds of call audio it is. */
  fromModel(delta: string): { payload: string; ms: number };
}

/** mu-law at 8 kHz is one byte per sample: 8 bytes per millisecond. */
const MULAW_BYTES_PER_MS = 8;
/** A Twilio frame is 20 ms: 160 samples at 8 kHz, 480 at 24 kHz; buffers grow once for longer model chunks. */
const FRAME_8K = 160;

/** One direction's working buffers, kept across frames (no allocation per sample, rarely per frame). */
class Scratch<T extends Int16Array | Uint8Array> {
  constructor(
    private buffer: T,
    private readonly make: (length: number) => T,
  ) {}
  take(length: number): T {
    if (this.buffer.length < length) this.buffer = this.make(length);
    return this.buffer;
  }
}

function passThrough(): AudioPath {
  return { toModel: (payload) => payload, fromModel: (delta) => ({ payload: delta, ms: Buffer.byteLength(delta, 'base64') / MULAW_BYTES_PER_MS }) };
}

/** mu-law 8 kHz <-> PCM16 24 kHz through packages/audio, with one resampler per direction (filter state carries across frames). */
function transcoded(): AudioPath {
  const up = createResampler(8000, 24000);
  const down = createResampler(24000, 8000);
  const decoded = new Scratch(new Int16Array(FRAME_8K), (n) => new Int16Array(n));
  const upsampled = new Scratch(new Int16Array(FRAME_8K * 3), (n) => new Int16Array(n));
  const downsampled = new Scratch(new Int16Array(FRAME_8K), (n) => new Int16Array(n));
  const encoded = new Scratch(new Uint8Array(FRAME_8K), (n) => new Uint8Array(n));
  return {
    toModel(payload) {
      const mulaw = Buffer.from(payload, 'base64');
      const buffer = decoded.take(mulaw.length);
      const pcm8k = buffer.subarray(0, decodeMulaw(mulaw, buffer));
      const out = upsampled.take(up.outputLength(pcm8k.length));
      const written = up.process(pcm8k, out);
      return Buffer.from(pcm16Bytes(out.subarray(0, written))).toString('base64');
    },
    fromModel(delta) {
      const pcm24k = pcm16Samples(Buffer.from(delta, 'base64'));
      const pcm8k = downsampled.take(down.outputLength(pcm24k.length));
      const samples = down.process(pcm24k, pcm8k);
      const mulaw = encoded.take(samples);
      const bytes = encodeMulaw(pcm8k.subarray(0, samples), mulaw);
      return { payload: Buffer.from(mulaw.subarray(0, bytes)).toString('base64'), ms: bytes / MULAW_BYTES_PER_MS };
    },
  };
}

export function audioPath(format: ModelAudioFormat): AudioPath {
  return format === 'pcmu' ? passThrough() : transcoded();
}

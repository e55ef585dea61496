/** The widget's audio both ways: PCM16 LE mono at 24 kHz. */
export const SAMPLE_RATE = 24_000;
export const BYTES_PER_MS = (SAMPLE_RATE * 2) / 1000;

/** A RIFF/WAVE file around PCM16 mono samples (what `/audio/transcriptions` takes). */
export function toWav(pcm16: Buffer, sampleRate = SAMPLE_RATE): Buffer {
  const header = Buffer.alloc(44);
  header.write('RIFF', 0, 'ascii');
  header.writeUInt32LE(36 + pcm16.length, 4);
  header.write('WAVEfmt ', 8, 'ascii');
  header.writeUInt32LE(16, 16);
  header.writeUInt16LE(1, 20);
  header.writeUInt16LE(1, 22);
  header.writeUInt32LE(sampleRate, 24);
  header.writeUInt32LE(sampleRate * 2, 28);
  header.writeUInt16LE(2, 32);
  header.writeUInt16LE(16, 34);
  header.write('data', 36, 'ascii');
  header.writeUInt32LE(pcm16.length, 40);
  return Buffer.concat([header, pcm16]);
}

/**
 * The samples of a PCM16 mono WAV and their rate. A streamed WAV (espeak-ng --stdout) declares an
 * unknown data length: whatever follows the `data` chunk header is taken.
 */
export function fromWav(wav: Buffer): { pcm16: Buffer; sampleRate: number } {
  if (wav.length < 12 || wav.toString('ascii', 0, 4) !== 'RIFF' || wav.toString('ascii', 8, 12) !== 'WAVE') throw new Error('not a WAV file');
  let offset = 12;
  let sampleRate = 0;
  while (offset + 8 <= wav.length) {
    const id = wav.toString('ascii', offset, offset + 4);
    const size = wav.readUInt32LE(offset + 4);
    if (id === 'fmt ') {
      if (wav.readUInt16LE(offset + 8) !== 1 || wav.readUInt16LE(offset + 10) !== 1 || wav.readUInt16LE(offset + 22) !== 16) throw new Error('WAV is not PCM16 mono');
      sampleRate = wav.readUInt32LE(offset + 12);
    }
    if (id === 'data') {
      const end = Math.min(wav.length, offset + 8 + size);
      const data = wav.subarray(offset + 8, end - ((end - offset - 8) % 2));
      if (!sampleRate) throw new Error('WAV data before its format');
      return { pcm16: data, sampleRate };
    }
    offset += 8 + size + (size % 2);
  }
  throw new Error('WAV without data');
}

/** PCM16 mono from one rate to another, by linear interpolation (speech synthesisers speak 16 or 22.05 kHz). */
export function resample(pcm16: Buffer, from: number, to: number): Buffer {
  if (from === to) return pcm16;
  const inCount = pcm16.length / 2;
  const outCount = Math.floor((inCount * to) / from);
  const out = Buffer.alloc(outCount * 2);
  for (let i = 0; i < outCount; i++) {
    const pos = (i * from) / to;
    const left = Math.floor(pos);
    const right = Math.min(left + 1, inCount - 1);
    const frac = pos - left;
    const a = pcm16.readInt16LE(left * 2);
    const b = pcm16.readInt16LE(right * 2);
    out.writeInt16LE(Math.round(a + (b - a) * frac), i * 2);
  }
  return out;
}

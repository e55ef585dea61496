import { readFileSync } from 'node:fs';
import { join } from 'node:path';

/** 20 ms at 8 kHz: one Twilio media frame. */
export const FRAME_BYTES = 160;
/** mu-law silence (0xFF decodes to 0). */
export const SILENCE_FRAME = Buffer.alloc(FRAME_BYTES, 0xff).toString('base64');

/** The G.711 mu-law samples of a committed speech fixture (test/fixtures/speech, made by make-speech.sh). */
export function speechFixture(name: 'caller-question' | 'agent-greeting'): Buffer {
  const wav = readFileSync(join(__dirname, '..', 'fixtures', 'speech', `${name}.wav`));
  if (wav.toString('ascii', 0, 4) !== 'RIFF' || wav.toString('ascii', 8, 12) !== 'WAVE') throw new Error(`${name}: not a WAV`);
  let offset = 12;
  let format: { code: number; channels: number; rate: number } | undefined;
  while (offset + 8 <= wav.length) {
    const id = wav.toString('ascii', offset, offset + 4);
    const size = wav.readUInt32LE(offset + 4);
    if (id === 'fmt ') format = { code: wav.readUInt16LE(offset + 8), channels: wav.readUInt16LE(offset + 10), rate: wav.readUInt32LE(offset + 12) };
    if (id === 'data') {
      if (format?.code !== 7 || format.channels !== 1 || format.rate !== 8000) throw new Error(`${name}: not 8 kHz mono mu-law`);
      return wav.subarray(offset + 8, offset + 8 + size);
    }
    offset += 8 + size + (size % 2);
  }
  throw new Error(`${name}: no data chunk`);
}

/** Audio cut into base64 chunks of `bytes` (Twilio frames: 160), the last one padded with silence. */
export function chunks(mulaw: Buffer, bytes = FRAME_BYTES): string[] {
  const out: string[] = [];
  for (let at = 0; at < mulaw.length; at += bytes) {
    const chunk = Buffer.alloc(bytes, 0xff);
    mulaw.copy(chunk, 0, at, Math.min(at + bytes, mulaw.length));
    out.push(chunk.toString('base64'));
  }
  return out;
}

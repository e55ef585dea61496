import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { mulawWavSamples } from '@vocalia/audio';

/** 20 ms at 8 kHz: one Twilio media frame. */
export const FRAME_BYTES = 160;
/** mu-law silence (0xFF decodes to 0). */
export const SILENCE_FRAME = Buffer.alloc(FRAME_BYTES, 0xff).toString('base64');

/** The G.711 mu-law samples of a committed speech fixture (test/fixtures/speech, made by make-speech.sh). */
export function speechFixture(name: 'caller-question' | 'agent-greeting'): Buffer {
  return mulawWavSamples(readFileSync(join(__dirname, '..', 'fixtures', 'speech', `${name}.wav`)));
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

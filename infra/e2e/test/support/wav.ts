import { writeFileSync } from 'node:fs';
import type { Language } from '@vocalia/contracts';
import { spokenPcm } from '@vocalia/realtime/testing';

/** 24 kHz PCM16: 48 bytes per millisecond. */
const BYTES_PER_MS = 48;

/**
 * A WAV of real speech for Chromium's fake microphone (`--use-file-for-fake-audio-capture`, played
 * in a loop): `text` said by espeak-ng (installed by infra/scripts/ensure-test-services.sh), PCM16
 * mono 24 kHz, followed by `pauseMs` of silence so each loop is one utterance.
 */
export async function writeSpokenWav(path: string, text: string, language: Language, pauseMs = 1200): Promise<{ path: string; speechMs: number }> {
  const speech = await spokenPcm(text, language);
  const data = Buffer.concat([speech, Buffer.alloc(pauseMs * BYTES_PER_MS)]);
  const header = Buffer.alloc(44);
  header.write('RIFF', 0, 'ascii');
  header.writeUInt32LE(36 + data.length, 4);
  header.write('WAVE', 8, 'ascii');
  header.write('fmt ', 12, 'ascii');
  header.writeUInt32LE(16, 16);
  header.writeUInt16LE(1, 20);
  header.writeUInt16LE(1, 22);
  header.writeUInt32LE(24_000, 24);
  header.writeUInt32LE(24_000 * 2, 28);
  header.writeUInt16LE(2, 32);
  header.writeUInt16LE(16, 34);
  header.write('data', 36, 'ascii');
  header.writeUInt32LE(data.length, 40);
  writeFileSync(path, Buffer.concat([header, data]));
  return { path, speechMs: speech.length / BYTES_PER_MS };
}

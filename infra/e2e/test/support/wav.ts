import { writeFileSync } from 'node:fs';

/**
 * A deterministic speech-like WAV (PCM16 mono): a voiced sound (harmonics of a 140 Hz voice,
 * weighted like an open vowel's formants) shaped into syllables of about 4 per second, with a
 * pause between phrases. Chromium's fake microphone plays it in a loop
 * (`--use-file-for-fake-audio-capture`). Same bytes on every run.
 */
export function writeSpeechLikeWav(path: string, seconds = 3, sampleRate = 48_000): string {
  const samples = Math.round(seconds * sampleRate);
  const data = Buffer.alloc(samples * 2);
  const formant = (hz: number) => Math.exp(-((hz - 700) ** 2) / (2 * 250 ** 2)) + 0.6 * Math.exp(-((hz - 1200) ** 2) / (2 * 300 ** 2));
  const harmonics = Array.from({ length: 25 }, (_, k) => ({ hz: 140 * (k + 1), weight: formant(140 * (k + 1)) }));
  const norm = harmonics.reduce((sum, h) => sum + h.weight, 0);
  for (let i = 0; i < samples; i++) {
    const t = i / sampleRate;
    const phrase = t % 1.5 < 1.2 ? 1 : 0;
    const syllable = Math.max(0, Math.sin(2 * Math.PI * 4 * t)) ** 0.6;
    const voice = harmonics.reduce((sum, h) => sum + h.weight * Math.sin(2 * Math.PI * h.hz * t), 0) / norm;
    data.writeInt16LE(Math.round(voice * phrase * syllable * 0.6 * 32767), i * 2);
  }
  const header = Buffer.alloc(44);
  header.write('RIFF', 0, 'ascii');
  header.writeUInt32LE(36 + data.length, 4);
  header.write('WAVE', 8, 'ascii');
  header.write('fmt ', 12, 'ascii');
  header.writeUInt32LE(16, 16);
  header.writeUInt16LE(1, 20);
  header.writeUInt16LE(1, 22);
  header.writeUInt32LE(sampleRate, 24);
  header.writeUInt32LE(sampleRate * 2, 28);
  header.writeUInt16LE(2, 32);
  header.writeUInt16LE(16, 34);
  header.write('data', 36, 'ascii');
  header.writeUInt32LE(data.length, 40);
  writeFileSync(path, Buffer.concat([header, data]));
  return path;
}

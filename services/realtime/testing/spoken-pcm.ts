import type { Language } from '@vocalia/contracts';
import { espeakSpeech } from '../src/speech/synthesize';

/** Real speech, PCM16 24 kHz: `text` said by espeak-ng (installed by infra/scripts/ensure-test-services.sh). */
export async function spokenPcm(text: string, language: Language = 'en'): Promise<Buffer> {
  const chunks: Buffer[] = [];
  for await (const chunk of espeakSpeech({ voices: {}, timeoutMs: 10_000 })(text, language, new AbortController().signal)) chunks.push(chunk);
  return Buffer.concat(chunks);
}

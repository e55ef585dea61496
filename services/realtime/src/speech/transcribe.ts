import OpenAI, { toFile } from 'openai';
import type { Language } from '@vocalia/contracts';
import { toWav } from './pcm';

export interface TranscriptionConfig {
  /** OpenAI-compatible API root, e.g. https://api.openai.com/v1 or a self-hosted Whisper server's. */
  baseURL: string;
  apiKey: string;
  model: string;
  timeoutMs: number;
}

export type Transcribe = (pcm16: Buffer, language: Language, signal: AbortSignal) => Promise<string>;

/** Whisper's language codes: Darija is transcribed as Arabic. */
const whisperLanguage = (language: Language) => (language === 'ary' ? 'ar' : language);

/** The visitor's utterance as text, through `POST /audio/transcriptions` (multipart, a WAV file). */
export function openAiTranscription(config: TranscriptionConfig): Transcribe {
  const client = new OpenAI({ baseURL: config.baseURL, apiKey: config.apiKey, timeout: config.timeoutMs, maxRetries: 0 });
  return async (pcm16, language, signal) => {
    const file = await toFile(toWav(pcm16), 'speech.wav', { type: 'audio/wav' });
    const result = await client.audio.transcriptions.create({ file, model: config.model, language: whisperLanguage(language), response_format: 'json' }, { signal });
    return result.text.trim();
  };
}

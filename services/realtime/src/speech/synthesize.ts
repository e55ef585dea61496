import { spawn } from 'node:child_process';
import OpenAI from 'openai';
import type { Language } from '@vocalia/contracts';
import { fromWav, resample, SAMPLE_RATE } from './pcm';

/** One sentence spoken: PCM16 LE mono 24 kHz chunks, as they are produced. */
export type Synthesize = (text: string, language: Language, signal: AbortSignal) => AsyncIterable<Buffer>;

export interface SpeechApiConfig {
  /** OpenAI-compatible API root (`POST /audio/speech` with `response_format: pcm`, 24 kHz PCM16). */
  baseURL: string;
  apiKey: string;
  model: string;
  /** The voice for each language, and the one for the others. */
  voices: Partial<Record<Language, string>>;
  voice: string;
  timeoutMs: number;
}

/** Cuts a byte stream into whole PCM16 samples (an odd byte waits for its pair). */
async function* wholeSamples(chunks: AsyncIterable<Uint8Array>): AsyncIterable<Buffer> {
  let carry: Buffer | undefined;
  for await (const chunk of chunks) {
    const bytes = carry ? Buffer.concat([carry, chunk]) : Buffer.from(chunk);
    const even = bytes.length - (bytes.length % 2);
    carry = even < bytes.length ? bytes.subarray(even) : undefined;
    if (even > 0) yield bytes.subarray(0, even);
  }
}

/** `POST /audio/speech` (OpenAI, or a self-hosted server speaking its API), streamed as it arrives. */
export function openAiSpeech(config: SpeechApiConfig): Synthesize {
  const client = new OpenAI({ baseURL: config.baseURL, apiKey: config.apiKey, timeout: config.timeoutMs, maxRetries: 0 });
  return async function* speak(text, language, signal) {
    const response = await client.audio.speech.create({ model: config.model, voice: config.voices[language] ?? config.voice, input: text, response_format: 'pcm' }, { signal });
    if (!response.body) return;
    yield* wholeSamples(response.body as unknown as AsyncIterable<Uint8Array>);
  };
}

export interface EspeakConfig {
  /** espeak-ng voice for each language (default: the language code; Darija as Arabic). */
  voices: Partial<Record<Language, string>>;
  binary?: string;
  timeoutMs: number;
}

const ESPEAK_VOICES: Record<Language, string> = { fr: 'fr', en: 'en', es: 'es', ar: 'ar', ary: 'ar' };

/** Runs espeak-ng once: its WAV on stdout (22.05 kHz), or why it failed. */
function espeakWav(binary: string, voice: string, text: string, timeoutMs: number, signal: AbortSignal): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    const child = spawn(binary, ['--stdout', '--stdin', '-v', voice], { stdio: ['pipe', 'pipe', 'pipe'], signal, timeout: timeoutMs });
    const out: Buffer[] = [];
    let err = '';
    child.stdout.on('data', (chunk: Buffer) => out.push(chunk));
    child.stderr.on('data', (chunk: Buffer) => (err += chunk.toString()));
    child.on('error', reject);
    child.on('close', (code) => (code === 0 ? resolve(Buffer.concat(out)) : reject(new Error(`espeak-ng exited ${code}: ${err.trim().slice(0, 200)}`))));
    child.stdin.end(text);
  });
}

/** The local synthesiser when no speech API is configured: espeak-ng, resampled to 24 kHz. */
export function espeakSpeech(config: EspeakConfig): Synthesize {
  const binary = config.binary ?? 'espeak-ng';
  return async function* speak(text, language, signal) {
    const { pcm16, sampleRate } = fromWav(await espeakWav(binary, config.voices[language] ?? ESPEAK_VOICES[language], text, config.timeoutMs, signal));
    yield resample(pcm16, sampleRate, SAMPLE_RATE);
  };
}

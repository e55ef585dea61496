import { createServer, type IncomingMessage, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { fromWav } from '../src/speech/pcm';
import { answerChunks } from './fake-realtime-model';

export interface Transcription {
  model: string;
  language: string;
  /** The uploaded WAV's audio: samples at its rate. */
  sampleRate: number;
  ms: number;
  authorization: string;
}

export interface SpeechRequest {
  model: string;
  voice: string;
  input: string;
  responseFormat: string;
}

const body = (req: IncomingMessage) =>
  new Promise<Buffer>((resolve, reject) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => resolve(Buffer.concat(chunks)));
    req.on('error', reject);
  });

/** A multipart form's text fields (the file part is read apart). */
function formFields(raw: Buffer): Record<string, string> {
  const fields: Record<string, string> = {};
  for (const match of raw.toString('latin1').matchAll(/name="([^"]+)"\r\n\r\n([^\r]*)\r\n/g)) fields[match[1]!] = match[2]!;
  return fields;
}

/**
 * A local server speaking OpenAI's speech HTTP API, as self-hosted Whisper and TTS servers do:
 * `POST /v1/audio/transcriptions` (multipart, a WAV file) answers `{ text: transcript }` and keeps
 * what it heard; `POST /v1/audio/speech` answers PCM16 24 kHz (a tone `speechMs` long, streamed in
 * 100 ms chunks `chunkEveryMs` apart) and keeps what it was asked to say.
 */
export class FakeSpeechApi {
  readonly transcriptions: Transcription[] = [];
  readonly speeches: SpeechRequest[] = [];
  /** Speech requests whose client went away before the whole answer was sent (a barge-in). */
  cancelledSpeeches = 0;
  transcript = 'Do you deliver on Sundays?';
  speechMs = 300;
  chunkEveryMs = 0;
  /** Status every request answers with instead (e.g. 500), when set. */
  failWith: number | undefined;
  /** Status only `/audio/speech` answers with instead, when set. */
  failSpeechWith: number | undefined;
  private server: Server | undefined;

  get url(): string {
    return `http://127.0.0.1:${(this.server?.address() as AddressInfo).port}/v1`;
  }

  async start(): Promise<this> {
    this.server = createServer((req, res) => {
      void (async () => {
        const raw = await body(req);
        const failing = req.url === '/v1/audio/speech' ? (this.failSpeechWith ?? this.failWith) : this.failWith;
        if (failing) return void res.writeHead(failing, { 'content-type': 'application/json' }).end(JSON.stringify({ error: { message: 'speech server failing' } }));
        if (req.url === '/v1/audio/transcriptions') {
          const fields = formFields(raw);
          const { pcm16, sampleRate } = fromWav(raw.subarray(raw.indexOf('RIFF')));
          this.transcriptions.push({ model: fields.model ?? '', language: fields.language ?? '', sampleRate, ms: Math.round((pcm16.length / 2 / sampleRate) * 1000), authorization: String(req.headers.authorization) });
          return void res.writeHead(200, { 'content-type': 'application/json' }).end(JSON.stringify({ text: this.transcript }));
        }
        if (req.url === '/v1/audio/speech') {
          const asked = JSON.parse(raw.toString()) as { model: string; voice: string; input: string; response_format: string };
          this.speeches.push({ model: asked.model, voice: asked.voice, input: asked.input, responseFormat: asked.response_format });
          res.writeHead(200, { 'content-type': 'audio/pcm' });
          for (const chunk of answerChunks(this.speechMs)) {
            if (res.destroyed || req.socket.destroyed) return void this.cancelledSpeeches++;
            res.write(chunk);
            if (this.chunkEveryMs) await new Promise((r) => setTimeout(r, this.chunkEveryMs));
          }
          return void res.end();
        }
        res.writeHead(404).end();
      })();
    });
    await new Promise<void>((resolve) => this.server?.listen(0, '127.0.0.1', resolve));
    return this;
  }

  stop(): Promise<void> {
    this.server?.closeAllConnections();
    return new Promise((resolve) => this.server?.close(() => resolve()));
  }
}

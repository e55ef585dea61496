import { WebSocketServer, type WebSocket } from 'ws';
import type { AddressInfo } from 'node:net';
import { decodeMulaw, pcm16Samples } from '@vocalia/audio';

/** Server VAD over the audio the bridge appends: the model hears real speech, not a script. */
export interface VadOptions {
  format: 'pcmu' | 'pcm16';
  /** RMS (16-bit scale) above which a chunk counts as voiced. */
  threshold: number;
  /** Voiced audio before speech_started, silence before speech_stopped. */
  startMs: number;
  stopMs: number;
}

class Vad {
  private heardMs = 0;
  private voicedMs = 0;
  private silentMs = 0;
  private speaking = false;
  constructor(private readonly opts: VadOptions) {}

  /** Feeds one appended chunk; returns the server event it causes, if any. */
  feed(audio: string): Record<string, unknown> | undefined {
    const bytes = Buffer.from(audio, 'base64');
    const samples = this.opts.format === 'pcmu' ? decodeInto(bytes) : pcm16Samples(bytes);
    const ms = this.opts.format === 'pcmu' ? bytes.length / 8 : samples.length / 24;
    let sum = 0;
    for (const s of samples) sum += s * s;
    const voiced = Math.sqrt(sum / Math.max(1, samples.length)) > this.opts.threshold;
    this.heardMs += ms;
    this.voicedMs = voiced ? this.voicedMs + ms : 0;
    this.silentMs = voiced ? 0 : this.silentMs + ms;
    if (!this.speaking && this.voicedMs >= this.opts.startMs) {
      this.speaking = true;
      return { type: 'input_audio_buffer.speech_started', audio_start_ms: Math.round(this.heardMs - this.voicedMs), item_id: `item_user_${this.heardMs}` };
    }
    if (this.speaking && this.silentMs >= this.opts.stopMs) {
      this.speaking = false;
      return { type: 'input_audio_buffer.speech_stopped', audio_end_ms: Math.round(this.heardMs - this.silentMs) };
    }
    return undefined;
  }
}

function decodeInto(mulaw: Buffer): Int16Array {
  const out = new Int16Array(mulaw.length);
  decodeMulaw(mulaw, out);
  return out;
}

/** A local server speaking the OpenAI realtime protocol's server side, driven by the test. */
export class FakeRealtime {
  readonly received: Record<string, unknown>[] = [];
  readonly authorizations: (string | undefined)[] = [];
  /** Every connection the bridge opened, oldest first. */
  readonly connections: WebSocket[] = [];
  /** Every speech_started / speech_stopped the VAD sent, in order. */
  readonly vadEvents: Record<string, unknown>[] = [];
  private wss: WebSocketServer | undefined;

  constructor(private readonly vad?: VadOptions) {}

  get url(): string {
    return `ws://127.0.0.1:${(this.wss?.address() as AddressInfo).port}/v1/realtime`;
  }

  async start(): Promise<this> {
    this.wss = new WebSocketServer({ port: 0, host: '127.0.0.1' });
    await new Promise<void>((resolve) => this.wss?.once('listening', () => resolve()));
    this.wss.on('connection', (socket, req) => {
      this.connections.push(socket);
      this.authorizations.push(req.headers.authorization);
      const vad = this.vad && new Vad(this.vad);
      socket.on('message', (raw) => {
        const event = JSON.parse(raw.toString()) as Record<string, unknown>;
        this.received.push(event);
        const heard = vad && event.type === 'input_audio_buffer.append' ? vad.feed(String(event.audio)) : undefined;
        if (heard) {
          this.vadEvents.push(heard);
          socket.send(JSON.stringify(heard));
        }
      });
    });
    return this;
  }

  of(type: string): Record<string, unknown>[] {
    return this.received.filter((m) => m.type === type);
  }

  /** To the newest connection. */
  send(event: Record<string, unknown>): void {
    this.connections.at(-1)?.send(JSON.stringify(event));
  }

  stop(): Promise<void> {
    for (const client of this.wss?.clients ?? []) client.terminate();
    return new Promise((resolve) => (this.wss ? this.wss.close(() => resolve()) : resolve()));
  }
}

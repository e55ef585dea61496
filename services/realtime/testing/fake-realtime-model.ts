import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { WebSocketServer, type WebSocket } from 'ws';

export interface ModelEvent {
  type: string;
  [key: string]: unknown;
}

/** `ms` (0.5 s unless told) of a 440 Hz tone, PCM16 LE 24 kHz, in 100 ms chunks: the model's spoken answer. */
export function answerChunks(ms = 500): Buffer[] {
  const chunk = 2400;
  return Array.from({ length: Math.ceil(ms / 100) }, (_, c) => {
    const out = Buffer.alloc(chunk * 2);
    for (let i = 0; i < chunk; i++) out.writeInt16LE(Math.round(Math.sin((2 * Math.PI * 440 * (c * chunk + i)) / 24000) * 8000), i * 2);
    return out;
  });
}

/**
 * A local server speaking the OpenAI realtime protocol (GA event names): `session.update` ->
 * `session.updated`; after every `answerAfterAppends` audio appends it "hears" the visitor (server VAD
 * events, the input transcription) and answers with audio deltas, the transcript and `response.done`.
 * A `response.cancel` with no answer in progress gets the provider's `response_cancel_not_active` error.
 * A `conversation.item.create` gets `conversation.item.created`, or with `refuseItems` the error a
 * provider sends for an item it does not take (naming the client event).
 * `answerDelayMs` is its thinking time before the first audio; `chunkEveryMs` paces the audio like a model speaking in real time; `answerMs` is how long each
 * spoken answer is, `maxAnswers` how many it gives per session (a live microphone never stops sending).
 */
export class FakeRealtimeModel {
  readonly received: ModelEvent[] = [];
  readonly authorizations: string[] = [];
  readonly urls: string[] = [];
  answerAfterAppends = 3;
  chunkEveryMs = 0;
  answerMs = 500;
  maxAnswers = Number.POSITIVE_INFINITY;
  refuseItems = false;
  /** The model's own thinking time: from hearing the visitor to its first audio delta. */
  answerDelayMs = 0;
  /** How long each answer actually waited for its delay (a busy event loop fires timers late). */
  readonly answerDelays: number[] = [];
  userSays = 'Do you deliver on Sundays?';
  modelSays = 'Yes, we deliver every day, Sundays included.';
  private server: Server | undefined;
  private sockets = new Set<WebSocket>();

  get url(): string {
    return `ws://127.0.0.1:${(this.server?.address() as AddressInfo).port}/v1/realtime`;
  }

  of(type: string): ModelEvent[] {
    return this.received.filter((e) => e.type === type);
  }

  /** The visitor starts talking (server VAD), e.g. over the answer: a barge-in. */
  speechStarted(): void {
    for (const ws of this.sockets) ws.send(JSON.stringify({ type: 'input_audio_buffer.speech_started', audio_start_ms: 0, item_id: 'item-user-2' }));
  }

  /** The provider drops every session. */
  dropAll(): void {
    for (const ws of this.sockets) ws.terminate();
  }

  async start(): Promise<this> {
    this.server = createServer();
    const wss = new WebSocketServer({ server: this.server });
    wss.on('connection', (ws, req) => {
      this.sockets.add(ws);
      this.authorizations.push(String(req.headers.authorization));
      this.urls.push(String(req.url));
      let appends = 0;
      let answers = 0;
      let answering = false;
      ws.on('close', () => this.sockets.delete(ws));
      ws.on('message', (data) => {
        const event = JSON.parse(String(data)) as ModelEvent;
        this.received.push(event);
        if (event.type === 'session.update') return ws.send(JSON.stringify({ type: 'session.updated', session: event.session }));
        if (event.type === 'conversation.item.create') return ws.send(JSON.stringify(this.itemReply(event)));
        if (event.type === 'response.cancel' && !answering) return ws.send(JSON.stringify({ type: 'error', error: { type: 'invalid_request_error', code: 'response_cancel_not_active', message: 'Cancellation failed: no active response found' } }));
        if (event.type !== 'input_audio_buffer.append' || ++appends % this.answerAfterAppends !== 0 || answers >= this.maxAnswers) return;
        answers++;
        answering = true;
        void this.answer(ws).finally(() => (answering = false));
      });
    });
    await new Promise<void>((resolve) => this.server?.listen(0, '127.0.0.1', resolve));
    return this;
  }

  private itemReply(event: ModelEvent): ModelEvent {
    if (!this.refuseItems) return { type: 'conversation.item.created', item: { ...(event.item as object), id: `item-${this.received.length}`, status: 'completed' } };
    return { type: 'error', error: { type: 'invalid_request_error', code: 'invalid_value', message: 'Invalid value for item content type.', event_id: event.event_id } };
  }

  private async answer(ws: WebSocket): Promise<void> {
    const send = (event: ModelEvent) => ws.readyState === ws.OPEN && ws.send(JSON.stringify(event));
    send({ type: 'input_audio_buffer.speech_started', audio_start_ms: 100, item_id: 'item-user-1' });
    send({ type: 'input_audio_buffer.speech_stopped', audio_end_ms: 900, item_id: 'item-user-1' });
    send({ type: 'conversation.item.input_audio_transcription.completed', item_id: 'item-user-1', content_index: 0, transcript: this.userSays });
    send({ type: 'response.created', response: { id: 'resp-1' } });
    if (this.answerDelayMs) {
      const waitFrom = performance.now();
      await new Promise((r) => setTimeout(r, this.answerDelayMs));
      this.answerDelays.push(performance.now() - waitFrom);
    }
    for (const chunk of answerChunks(this.answerMs)) {
      send({ type: 'response.output_audio.delta', response_id: 'resp-1', item_id: 'item-assistant-1', output_index: 0, content_index: 0, delta: chunk.toString('base64') });
      if (this.chunkEveryMs) await new Promise((r) => setTimeout(r, this.chunkEveryMs));
    }
    send({ type: 'response.output_audio_transcript.done', response_id: 'resp-1', item_id: 'item-assistant-1', transcript: this.modelSays });
    send({ type: 'response.done', response: { id: 'resp-1', status: 'completed' } });
  }

  stop(): Promise<void> {
    this.dropAll();
    return new Promise((resolve) => this.server?.close(() => resolve()));
  }
}

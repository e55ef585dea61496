import { EventEmitter } from 'node:events';
import WebSocket from 'ws';
import type { HistoryTurn } from '@vocalia/agent';
import type { Language } from '@vocalia/contracts';
import { isHistoryItemError, realtimeHistoryItems, type TurnScope } from '@vocalia/conversation';

export interface RealtimeModelConfig {
  /** OpenAI-compatible realtime endpoint (wss://...); the model goes in the query too, as OpenAI expects. */
  url: string;
  apiKey: string;
  model: string;
  voice: string;
  transcriptionModel: string;
  connectTimeoutMs?: number;
}

export interface ModelSessionOptions {
  instructions: string;
  /** Who is speaking, where: the turn scope of the session (the cascaded path answers through the turn runtime). */
  turn: TurnScope & { language: Language };
  /**
   * The conversation so far in this session (typed before the visitor switched to voice, or spoken on a
   * replica that restarted): a speech-to-speech model gets it as conversation items and carries on. The
   * cascaded path reads it itself, through the turn runtime.
   */
  history: HistoryTurn[];
}

/** What the bridge hears from the model, provider differences (GA and beta event names) folded away. */
export interface ModelEvents {
  ready: [];
  speechStarted: [];
  userTranscript: [text: string];
  audio: [itemId: string, pcm16: Buffer];
  assistantTranscript: [text: string];
  responseDone: [];
  failed: [reason: string];
}

export interface ModelSession extends EventEmitter<ModelEvents> {
  /** True when the session records its turns itself (the cascaded path, through the turn runtime). */
  readonly recordsTurns?: boolean;
  appendAudio(pcm16: Buffer): void;
  /** Barge-in: cut the answer at what the listener heard, and stop generating the rest of it while `stillAnswering`. */
  truncate(itemId: string, audioEndMs: number, stillAnswering: boolean): void;
  close(): void;
}

export type OpenModelSession = (options: ModelSessionOptions) => ModelSession;

interface ServerEvent {
  type?: string;
  item_id?: string;
  delta?: string;
  transcript?: string;
  error?: { message?: string; code?: string; event_id?: string };
}

/** Audio waiting for a slow model connection past this is dropped: 2 s of base64 PCM16 at 24 kHz. */
const MAX_PENDING_UPLOAD_BYTES = 2 * 64_000;

/** A speech-to-speech session on an OpenAI-compatible realtime API: PCM16 24 kHz both ways, server VAD. */
export function realtimeModel(config: RealtimeModelConfig): OpenModelSession {
  return (options) => {
    const events = new EventEmitter<ModelEvents>();
    const url = new URL(config.url);
    if (!url.searchParams.has('model')) url.searchParams.set('model', config.model);
    const ws = new WebSocket(url, { headers: { Authorization: `Bearer ${config.apiKey}` }, perMessageDeflate: false, handshakeTimeout: config.connectTimeoutMs ?? 5000 });
    let closing = false;
    const send = (event: Record<string, unknown>) => ws.readyState === WebSocket.OPEN && ws.send(JSON.stringify(event));
    const fail = (reason: string) => {
      if (closing) return;
      closing = true;
      events.emit('failed', reason);
      ws.terminate();
    };
    ws.on('open', () => {
      const format = { type: 'audio/pcm', rate: 24000 };
      send({
        type: 'session.update',
        session: {
          type: 'realtime',
          model: config.model,
          instructions: options.instructions,
          output_modalities: ['audio'],
          audio: {
            input: { format, transcription: { model: config.transcriptionModel }, turn_detection: { type: 'server_vad' } },
            output: { format, voice: config.voice },
          },
        },
      });
      for (const item of realtimeHistoryItems(options.history)) send(item);
    });
    ws.on('message', (data) => {
      let event: ServerEvent;
      try {
        event = JSON.parse(String(data)) as ServerEvent;
      } catch {
        return fail('the model sent a frame that is not JSON');
      }
      switch (event.type) {
        case 'session.updated':
          return void events.emit('ready');
        case 'input_audio_buffer.speech_started':
          return void events.emit('speechStarted');
        case 'conversation.item.input_audio_transcription.completed':
          return void (event.transcript && events.emit('userTranscript', event.transcript));
        case 'response.output_audio.delta':
        case 'response.audio.delta':
          return void (event.delta && event.item_id && events.emit('audio', event.item_id, Buffer.from(event.delta, 'base64')));
        case 'response.output_audio_transcript.done':
        case 'response.audio_transcript.done':
          return void (event.transcript && events.emit('assistantTranscript', event.transcript));
        case 'response.done':
          return void events.emit('responseDone');
        case 'error':
          // Cancelling an answer the model already finished (or server VAD already cancelled) is harmless.
          if (event.error?.code === 'response_cancel_not_active') return undefined;
          // A provider that takes no past message of this shape: the session goes on without that context.
          if (isHistoryItemError(event.error?.event_id)) return undefined;
          return fail(`model error: ${event.error?.message ?? 'unknown'}`);
        default:
          return undefined;
      }
    });
    ws.on('error', (err) => fail(`model connection failed: ${err.message}`));
    ws.on('close', (code) => fail(`model closed the session (${code})`));
    return Object.assign(events, {
      appendAudio(pcm16: Buffer) {
        // Live audio is worth nothing late: a model that cannot keep up loses frames, the process keeps its memory.
        if (ws.bufferedAmount > MAX_PENDING_UPLOAD_BYTES) return;
        send({ type: 'input_audio_buffer.append', audio: pcm16.toString('base64') });
      },
      truncate(itemId: string, audioEndMs: number, stillAnswering: boolean) {
        if (stillAnswering) send({ type: 'response.cancel' });
        send({ type: 'conversation.item.truncate', item_id: itemId, content_index: 0, audio_end_ms: audioEndMs });
      },
      close() {
        closing = true;
        if (ws.readyState === WebSocket.CONNECTING) ws.terminate();
        else ws.close(1000);
      },
    });
  };
}

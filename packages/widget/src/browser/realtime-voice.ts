import { speechLocale, type WidgetLanguage } from './language';
import { floatToPcm16, pcm16ToFloat, REALTIME_SAMPLE_RATE, realtimeUrl } from './pcm16';
import type { Role } from './widget-types';

export type RealtimeState = 'idle' | 'connecting' | 'live';

interface Reconnect {
  /** Reconnections in a row without the new session becoming ready, before browser speech takes over. */
  max: number;
  /** The random wait before it, so that one replica's visitors do not all come back at once. */
  minMs: number;
  spreadMs: number;
}

/** The close codes after which the widget connects again (RFC 6455, 7.4.1). */
const RECONNECT_AFTER: Record<number, Reconnect> = {
  /** "Service Restart": the server is going away for a rolling update; another replica takes the session. */
  1012: { max: 2, minMs: 250, spreadMs: 500 },
  /**
   * "Try Again Later": this replica is at its session limit. Traefik's p2c sends the next socket to the
   * less busy of two replicas, so one more try usually finds room; past it, browser speech takes over
   * (a whole fleet at its limit then sees each visitor twice, not a reconnection storm).
   */
  1013: { max: 1, minMs: 1000, spreadMs: 2000 },
};
/**
 * A live session's connection gone without a close frame (1006: the visitor's network changed, or the
 * replica died): one more try. A socket that never became ready is not retried (a refused upgrade).
 */
const DROPPED: Reconnect = { max: 1, minMs: 250, spreadMs: 500 };

export interface RealtimeHooks {
  apiBase: string;
  tenantId: string;
  token: () => Promise<string>;
  sessionId: () => string;
  language: () => WidgetLanguage;
  onTranscript: (role: Role, text: string) => void;
  onState: (state: RealtimeState) => void;
  onProblem: (kind: 'denied' | 'failed') => void;
}

/**
 * Streaming voice through `/realtime?token=` (a refused token, origin or plan is refused at the
 * upgrade). Protocol: client sends one JSON `start` frame (token, tenant,
 * session, language, audio format), then binary PCM16 frames, then `{"type":"stop"}`; the server
 * sends binary PCM16 to play and JSON `ready`, `transcript` {role,text,final}, `speech_started`
 * (the visitor barged in: stop playback) and `error` (problem+json fields). A close with 1012 (the
 * server restarting) or 1013 (the replica full), or a live session's connection dropped (DROPPED),
 * reconnects with the same session, microphone and audio kept, after a short random wait
 * (RECONNECT_AFTER); the server gives the model the conversation so far.
 */
export class RealtimeVoice {
  private socket: WebSocket | undefined;
  private audio: AudioContext | undefined;
  private stream: MediaStream | undefined;
  private playing: AudioBufferSourceNode[] = [];
  private playhead = 0;
  private reconnects = 0;
  /** Whether the current socket's session said `ready`. */
  private ready = false;

  constructor(private readonly hooks: RealtimeHooks) {}

  toggle(): void {
    if (this.socket) this.stop();
    else void this.start();
  }

  stop(): void {
    if (this.socket?.readyState === WebSocket.OPEN) this.socket.send(JSON.stringify({ type: 'stop' }));
    this.socket?.close(1000);
    this.socket = undefined;
    this.reconnects = 0;
    this.stream?.getTracks().forEach((track) => track.stop());
    this.stream = undefined;
    void this.audio?.close().catch(() => undefined);
    this.audio = undefined;
    this.hooks.onState('idle');
  }

  private async start(): Promise<void> {
    this.hooks.onState('connecting');
    try {
      this.stream = await navigator.mediaDevices.getUserMedia({ audio: { echoCancellation: true, noiseSuppression: true, channelCount: 1 } });
    } catch {
      this.stop();
      return this.hooks.onProblem('denied');
    }
    await this.connect();
  }

  private async connect(): Promise<void> {
    const token = await this.hooks.token().catch(() => '');
    if (!this.stream) return;
    const language = this.hooks.language();
    const socket = new WebSocket(realtimeUrl(this.hooks.apiBase, token));
    socket.binaryType = 'arraybuffer';
    this.socket = socket;
    this.ready = false;
    socket.onopen = () => {
      socket.send(JSON.stringify({ type: 'start', token, tenantId: this.hooks.tenantId, sessionId: this.hooks.sessionId(), language, locale: speechLocale(language), audio: { format: 'pcm16', sampleRate: REALTIME_SAMPLE_RATE } }));
      if (!this.audio) this.captureMicrophone();
    };
    socket.onmessage = (event: MessageEvent<ArrayBuffer | string>) => this.receive(event.data);
    // A live session's error is followed by its close, which decides.
    socket.onerror = () => this.socket === socket && !this.ready && this.fail();
    socket.onclose = (event) => {
      if (this.socket !== socket || event.code === 1000) return;
      const again = RECONNECT_AFTER[event.code] ?? (this.ready && !event.wasClean ? DROPPED : undefined);
      if (again && this.reconnects < again.max) return this.reconnect(socket, again);
      this.fail();
    };
  }

  private reconnect(closed: WebSocket, again: Reconnect): void {
    this.reconnects++;
    this.hooks.onState('connecting');
    setTimeout(() => this.socket === closed && void this.connect(), again.minMs + Math.random() * again.spreadMs);
  }

  private captureMicrophone(): void {
    if (!this.stream) return;
    const audio = new AudioContext({ sampleRate: REALTIME_SAMPLE_RATE });
    this.audio = audio;
    // ScriptProcessor keeps the bundle to one file (an AudioWorklet needs a separate module URL).
    const processor = audio.createScriptProcessor(2048, 1, 1);
    const mute = audio.createGain();
    mute.gain.value = 0;
    processor.onaudioprocess = (event) => {
      const socket = this.socket;
      if (socket?.readyState === WebSocket.OPEN) socket.send(floatToPcm16(event.inputBuffer.getChannelData(0)));
    };
    audio.createMediaStreamSource(this.stream).connect(processor);
    processor.connect(mute).connect(audio.destination);
  }

  private receive(data: ArrayBuffer | string): void {
    if (typeof data !== 'string') return this.play(data);
    let message: { type?: string; role?: Role; text?: string; final?: boolean };
    try {
      message = JSON.parse(data) as typeof message;
    } catch {
      return;
    }
    if (message.type === 'ready') {
      this.ready = true;
      this.reconnects = 0;
      this.hooks.onState('live');
    }
    if (message.type === 'speech_started') this.interruptPlayback();
    if (message.type === 'transcript' && message.final !== false && message.text && message.role) this.hooks.onTranscript(message.role, message.text);
    if (message.type === 'error') this.fail();
  }

  private play(chunk: ArrayBuffer): void {
    const audio = this.audio;
    if (!audio || chunk.byteLength < 2) return;
    const samples = pcm16ToFloat(chunk);
    const buffer = audio.createBuffer(1, samples.length, REALTIME_SAMPLE_RATE);
    buffer.getChannelData(0).set(samples);
    const source = audio.createBufferSource();
    source.buffer = buffer;
    source.connect(audio.destination);
    this.playhead = Math.max(this.playhead, audio.currentTime);
    source.start(this.playhead);
    this.playhead += buffer.duration;
    this.playing.push(source);
    source.onended = () => (this.playing = this.playing.filter((s) => s !== source));
  }

  private interruptPlayback(): void {
    this.playing.forEach((source) => source.stop());
    this.playing = [];
    this.playhead = 0;
  }

  private fail(): void {
    if (!this.socket) return;
    this.stop();
    this.hooks.onProblem('failed');
  }
}

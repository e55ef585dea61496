import type { WebSocket, RawData } from 'ws';
import { spokenSessionInstructions, type HistoryTurn } from '@vocalia/agent';
import { RealtimeClientMessage, type Language, type RealtimeServerMessage, type RealtimeStart } from '@vocalia/contracts';
import type { ConversationRuntime } from '@vocalia/conversation';
import type { Logger } from '@vocalia/service-kit';
import type { OpenModelSession, ModelSession } from '../model/realtime-model';
import type { Admitted } from '../upgrade/admit-upgrade';
import { CLOSE, type SessionLimits } from './session-limits';

export interface VoiceSessionDeps {
  conversation: ConversationRuntime;
  openModel: OpenModelSession;
  logger: Logger;
  limits: SessionLimits;
}

/** 24 kHz PCM16 mono: 48 bytes per millisecond. */
const BYTES_PER_MS = 48;

const problem = (status: number, code: string, title: string, detail: string): RealtimeServerMessage => ({ type: 'error', status, code, title, detail });

/**
 * One browser voice session: the `start` frame, then audio both ways between the browser and the
 * speech model, barge-in, transcripts, and the turns and seconds it is counted for. Resolves when
 * the socket has closed and the session is accounted for.
 */
export function runVoiceSession(deps: VoiceSessionDeps, ws: WebSocket, admitted: Admitted, requestId: string): Promise<void> {
  const { limits } = deps;
  const log = deps.logger.child({ tenantId: admitted.snapshot.tenant.id, voiceSession: requestId });
  let start: RealtimeStart | undefined;
  let model: ModelSession | undefined;
  let live = false;
  let liveSince = 0;
  const early: Buffer[] = [];
  let droppedEarly = 0;
  // The answer being heard: which item, how much audio went out, when its first byte did, whether the
  // model is still generating it (the browser keeps playing an answer after the model is done).
  let speaking: { itemId: string; sentBytes: number; firstAt: number; generating: boolean } | undefined;
  let userText = '';
  let assistantText = '';
  let turnStartedAt = performance.now();

  const send = (message: RealtimeServerMessage) => ws.readyState === ws.OPEN && ws.send(JSON.stringify(message));
  const close = (code: number, reason: string, error?: RealtimeServerMessage) => {
    if (ws.readyState !== ws.OPEN) return;
    if (error) send(error);
    log.info('voice session closing', { code, reason });
    ws.close(code, reason);
  };

  const startTimer = setTimeout(() => close(CLOSE.policy, 'no start frame', problem(408, 'START_TIMEOUT', 'Request Timeout', 'Send the start frame first.')), limits.startTimeoutMs);
  const maxTimer = setTimeout(() => close(CLOSE.goingAway, 'maximum session duration'), limits.maxSessionMs);
  const idleTimer = setTimeout(() => close(CLOSE.normal, 'idle'), limits.idleMs);
  const heartbeat = setInterval(() => {
    if (!alive) return void ws.terminate();
    alive = false;
    ws.ping();
  }, limits.pingEveryMs);
  let alive = true;
  ws.on('pong', () => (alive = true));

  const recordTurn = () => {
    if (!start || !userText || !assistantText || model?.recordsTurns) return;
    const turn = { snapshot: admitted.snapshot, sessionId: start.sessionId, channel: 'voice' as const, origin: admitted.session.origin, requestId, userText, assistantText, language: (start.language ?? admitted.snapshot.tenant.defaultLanguage) as Language, provider: `realtime:${limits.modelName}`, startedAt: turnStartedAt };
    userText = '';
    assistantText = '';
    void deps.conversation.recordSpokenTurn(turn).catch((err: unknown) => log.error('voice turn not recorded', { err }));
  };

  const openModel = (begin: RealtimeStart, history: HistoryTurn[]) => {
    const language = (begin.language ?? admitted.snapshot.tenant.defaultLanguage) as Language;
    model = deps.openModel({
      instructions: spokenSessionInstructions(admitted.snapshot, language, 'voice'),
      turn: { snapshot: admitted.snapshot, sessionId: begin.sessionId, channel: 'voice', origin: admitted.session.origin, requestId, language },
      history,
    });
    model.on('ready', () => {
      live = true;
      liveSince = Date.now();
      send({ type: 'ready' });
      for (const frame of early.splice(0)) model?.appendAudio(frame);
      if (droppedEarly) log.warn('audio sent before ready dropped', { frames: droppedEarly });
    });
    model.on('speechStarted', () => {
      turnStartedAt = performance.now();
      send({ type: 'speech_started' });
      if (speaking && speaking.sentBytes > 0) {
        const sentMs = Math.floor(speaking.sentBytes / BYTES_PER_MS);
        const heardMs = Math.max(1, Math.min(sentMs, Date.now() - speaking.firstAt));
        if (speaking.generating || heardMs < sentMs) model?.truncate(speaking.itemId, heardMs, speaking.generating);
      }
      speaking = undefined;
    });
    model.on('userTranscript', (text) => {
      userText = text;
      send({ type: 'transcript', role: 'user', text, final: true });
    });
    model.on('audio', (itemId, pcm16) => {
      if (speaking?.itemId !== itemId) speaking = { itemId, sentBytes: 0, firstAt: Date.now(), generating: true };
      if (ws.bufferedAmount > limits.maxOutgoingBytes) {
        // A close frame would wait behind the audio it does not read: the connection is dropped instead.
        log.info('voice session dropped', { reason: 'client does not read', waitingBytes: ws.bufferedAmount });
        return void ws.terminate();
      }
      speaking.sentBytes += pcm16.length;
      ws.send(pcm16);
    });
    model.on('assistantTranscript', (text) => {
      assistantText = text;
      send({ type: 'transcript', role: 'assistant', text, final: true });
    });
    model.on('responseDone', () => {
      if (speaking) speaking.generating = false;
      recordTurn();
    });
    model.on('failed', (reason) => {
      log.warn('speech model failed', { reason });
      close(CLOSE.internal, 'speech model unavailable', problem(502, 'UPSTREAM_FAILED', 'Bad Gateway', 'The voice model is not answering; the widget switches to browser speech.'));
    });
  };

  const onText = (data: RawData) => {
    let raw: unknown;
    try {
      raw = JSON.parse(String(data));
    } catch {
      return close(CLOSE.invalidData, 'malformed JSON', problem(400, 'BAD_JSON', 'Bad Request', 'Text frames must be JSON.'));
    }
    const parsed = RealtimeClientMessage.safeParse(raw);
    if (!parsed.success) {
      const field = parsed.error.issues[0]?.path.join('.') || 'type';
      return close(CLOSE.invalidData, `bad ${field}`, problem(400, 'VALIDATION_FAILED', 'Bad Request', `Frame field ${field}: ${parsed.error.issues[0]?.message ?? 'invalid'}.`));
    }
    const message = parsed.data;
    if (message.type === 'stop') return close(CLOSE.normal, 'stopped by the visitor');
    if (start) return close(CLOSE.policy, 'second start frame', problem(400, 'VALIDATION_FAILED', 'Bad Request', 'One start frame per socket.'));
    if (message.tenantId !== admitted.session.tenantId) return close(CLOSE.policy, 'start for another tenant', problem(403, 'FORBIDDEN', 'Forbidden', 'This socket belongs to another tenant.'));
    clearTimeout(startTimer);
    start = message;
    // The session's history first (never throws: empty when Redis cannot answer); audio waits meanwhile.
    void deps.conversation.loadSession(admitted.snapshot.tenant.id, message.sessionId).then(({ history }) => {
      if (ws.readyState === ws.OPEN) openModel(message, history);
    });
  };

  const onAudio = (data: Buffer) => {
    idleTimer.refresh();
    if (data.length === 0 || data.length % 2 !== 0) return close(CLOSE.invalidData, 'odd-length audio frame', problem(400, 'VALIDATION_FAILED', 'Bad Request', 'Binary frames are PCM16: an even number of bytes.'));
    if (!start) return close(CLOSE.policy, 'audio before start', problem(400, 'VALIDATION_FAILED', 'Bad Request', 'Send the start frame first.'));
    if (live) return model?.appendAudio(data);
    early.push(data);
    if (early.length > limits.maxEarlyFrames) {
      early.shift();
      droppedEarly++;
    }
  };

  ws.on('message', (data: RawData, isBinary: boolean) => (isBinary ? onAudio(data as Buffer) : onText(data)));
  // Protocol errors (an oversized frame: 1009) close the socket on their own; the log keeps why.
  ws.on('error', (err) => log.info('voice socket error', { reason: err.message }));

  return new Promise((resolve) => {
    ws.on('close', () => {
      clearTimeout(startTimer);
      clearTimeout(maxTimer);
      clearTimeout(idleTimer);
      clearInterval(heartbeat);
      model?.removeAllListeners();
      model?.close();
      if (live && start) {
        const seconds = Math.max(1, Math.ceil((Date.now() - liveSince) / 1000));
        deps.conversation.recordUsage({ tenantId: admitted.snapshot.tenant.id, requestId, eventId: `voice-${requestId}`, kind: 'voice_seconds', quantity: seconds });
        log.info('voice session ended', { seconds, sessionId: start.sessionId });
      }
      resolve();
    });
  });
}

import { spokenSessionInstructions } from '@vocalia/agent';
import type { TenantSnapshot } from '@vocalia/contracts';
import { withChosenAgent, type SpokenTurn } from '@vocalia/conversation';
import type { Logger } from '@vocalia/service-kit';
import WebSocket from 'ws';
import type { CallState, CallStore } from '../calls/call-store';
import { PHRASES } from '../calls/phrases';
import { listen, sayAndHangUp, transfer, type CallUrls } from '../calls/twiml';
import { audioPath } from './audio-path';
import { RealtimeEvent, TwilioStreamMessage } from './media-frames';
import { sessionUpdate, type RealtimeConfig } from './realtime-config';
import type { PhoneTurns } from '../turns/phone-turns';
import type { StreamTokens } from './stream-token';

export interface StreamDeps {
  logger: Logger;
  calls: CallStore;
  tokens: StreamTokens;
  snapshots: { get(tenantId: string): Promise<TenantSnapshot | null> };
  /** Who answers (greeting, language); null when the tenant may not take calls. */
  turns: Pick<PhoneTurns, 'agentFor'>;
  recordSpokenTurn(turn: SpokenTurn): Promise<void>;
  realtime: RealtimeConfig;
  /** Replace what a live call is doing with new TwiML (Twilio REST `calls(sid).update`). */
  updateCall(callSid: string, twiml: string): Promise<void>;
  urls: CallUrls;
  now: () => number;
}

/** Close codes: 1008 policy (token, unknown call), 1007 bad data (malformed frames). */
const POLICY = 1008;
const BAD_DATA = 1007;
/** Caller audio kept while the model connects (50 frames = 1 s); older frames are dropped. */
const MAX_PENDING_FRAMES = 50;

interface Mark {
  name: string;
  itemId: string;
  endMs: number;
}

/**
 * One Twilio media stream bridged to a realtime model. Caller audio (mu-law) passes through
 * untouched, or is transcoded when the model takes PCM16; the model's audio goes back with a mark after each chunk, so on barge-in the reply
 * is truncated at what the caller actually heard (the last mark echoed), and Twilio's buffer is cleared.
 */
export function bridgeMediaStream(deps: StreamDeps, twilio: WebSocket): void {
  let call: CallState | undefined;
  let snapshot: TenantSnapshot | undefined;
  let streamSid = '';
  let model: WebSocket | undefined;
  let stopped = false;
  const pending: string[] = [];
  let marks: Mark[] = [];
  let item: { id: string; sentMs: number; heardMs: number } | undefined;
  let userText = '';
  let assistantText = '';
  let turnStartedAt = performance.now();
  const audio = audioPath(deps.realtime.audioFormat);

  const refuse = (code: number, reason: string) => {
    deps.logger.warn('media stream closed', { reason, callSid: call?.callSid });
    stopped = true;
    model?.close();
    twilio.close(code, reason);
  };
  const toTwilio = (message: object) => twilio.readyState === WebSocket.OPEN && twilio.send(JSON.stringify({ ...message, streamSid }));
  const toModel = (message: object) => {
    if (model?.readyState === WebSocket.OPEN) model.send(JSON.stringify(message));
  };

  const recordTurn = () => {
    if (!call || !snapshot || !userText || !assistantText) return;
    const turn: SpokenTurn = {
      snapshot,
      sessionId: call.callSid,
      channel: 'phone',
      origin: null,
      requestId: call.requestId,
      userText,
      assistantText,
      language: call.language,
      provider: `realtime:${deps.realtime.model}`,
      startedAt: turnStartedAt,
    };
    userText = '';
    assistantText = '';
    deps.recordSpokenTurn(turn).catch((err: unknown) => deps.logger.warn('spoken turn not recorded', { callSid: turn.sessionId, error: String(err) }));
  };

  /** The model went away mid-call: apologise, keep the caller turn by turn, offer the transfer key. */
  const rescue = (why: string) => {
    if (stopped || !call) return;
    stopped = true;
    deps.logger.warn('realtime model dropped mid-call: caller moved to turn-based answers', { callSid: call.callSid, why });
    const p = PHRASES[call.language];
    const twiml = listen(call.language, p.modelDropped.replace('{digit}', call.settings.transferDigit), deps.urls);
    deps.updateCall(call.callSid, twiml).catch((err: unknown) => deps.logger.error('could not rescue the call', { callSid: call?.callSid, error: String(err) }));
  };

  let timeLimit: NodeJS.Timeout | undefined;
  /** The call reached its maximum duration (the tenant's, cut to the phone minutes left at answer time): goodbye and hang up. */
  const endAtTimeLimit = () => {
    if (stopped || !call) return;
    stopped = true;
    model?.close();
    deps.logger.info('call reached its maximum duration', { callSid: call.callSid, maxCallSeconds: call.settings.maxCallSeconds });
    const twiml = sayAndHangUp(call.language, PHRASES[call.language].timeUp);
    deps.updateCall(call.callSid, twiml).catch((err: unknown) => deps.logger.error('could not end the call at its time limit', { callSid: call?.callSid, error: String(err) }));
  };

  let bargeIn: NodeJS.Timeout | undefined;
  /** The caller spoke over the reply long enough: stop it where they stopped hearing it. */
  const interrupt = () => {
    if (!item || marks.length === 0) return;
    // The API refuses a truncation before the reply's first audio frame was heard.
    if (item.heardMs > 0) toModel({ type: 'conversation.item.truncate', item_id: item.id, content_index: 0, audio_end_ms: Math.floor(item.heardMs) });
    toTwilio({ event: 'clear' });
    marks = [];
  };

  const onModelEvent = (raw: WebSocket.RawData) => {
    let parsed: unknown;
    try {
      parsed = JSON.parse(raw.toString());
    } catch {
      return;
    }
    const event = RealtimeEvent.safeParse(parsed);
    if (!event.success) return;
    const e = event.data;
    switch (e.type) {
      case 'response.output_audio.delta':
      case 'response.audio.delta': {
        if (!e.delta || !e.item_id) return;
        if (item?.id !== e.item_id) item = { id: e.item_id, sentMs: 0, heardMs: 0 };
        const { payload, ms } = audio.fromModel(e.delta);
        item.sentMs += ms;
        const mark: Mark = { name: `${e.item_id}:${item.sentMs}`, itemId: e.item_id, endMs: item.sentMs };
        marks.push(mark);
        toTwilio({ event: 'media', media: { payload } });
        toTwilio({ event: 'mark', mark: { name: mark.name } });
        return;
      }
      case 'input_audio_buffer.speech_started':
        turnStartedAt = performance.now();
        clearTimeout(bargeIn);
        bargeIn = setTimeout(interrupt, deps.realtime.bargeInMinMs);
        return;
      case 'input_audio_buffer.speech_stopped':
        clearTimeout(bargeIn);
        return;
      case 'conversation.item.input_audio_transcription.completed':
        userText = (e.transcript ?? '').trim();
        return;
      case 'response.output_audio_transcript.done':
      case 'response.audio_transcript.done':
        assistantText = (e.transcript ?? '').trim();
        return;
      case 'response.done':
        recordTurn();
        return;
      case 'error':
        deps.logger.warn('realtime model error', { callSid: call?.callSid, error: e.error?.message });
        return;
      default:
        return;
    }
  };

  const openModel = (greeting: string) => {
    const socket = new WebSocket(deps.realtime.url, { headers: { authorization: `Bearer ${deps.realtime.apiKey}` }, perMessageDeflate: false });
    model = socket;
    socket.on('open', () => {
      if (!snapshot || !call) return;
      toModel(sessionUpdate(deps.realtime, spokenSessionInstructions(snapshot, call.language, 'phone')));
      toModel({ type: 'response.create', response: { instructions: `Greet the caller with exactly: ${greeting}` } });
      for (const payload of pending.splice(0)) toModel({ type: 'input_audio_buffer.append', audio: audio.toModel(payload) });
    });
    socket.on('message', onModelEvent);
    socket.on('error', (err) => deps.logger.warn('realtime socket error', { callSid: call?.callSid, error: err.message }));
    socket.on('close', () => rescue('the realtime socket closed'));
  };

  const start = async (message: Extract<TwilioStreamMessage, { event: 'start' }>) => {
    const { customParameters: params, callSid } = message.start;
    streamSid = message.start.streamSid;
    const claims = deps.tokens.verify(params.token ?? '');
    if ('refused' in claims) return refuse(POLICY, claims.refused);
    if (claims.callSid !== callSid || claims.tenantId !== params.tenant || (claims.agentId ?? '') !== (params.agent ?? '')) return refuse(POLICY, 'token for another call');
    const state = await deps.calls.get(callSid);
    if (!state || state.ended || state.tenantId !== claims.tenantId) return refuse(POLICY, 'unknown call');
    const [found, agent] = await Promise.all([deps.snapshots.get(state.tenantId), deps.turns.agentFor(state.tenantId, state.agentId)]);
    if (!found || !agent) return refuse(POLICY, 'tenant cannot take calls');
    call = state;
    snapshot = withChosenAgent(found, state.agentId ?? undefined);
    timeLimit = setTimeout(endAtTimeLimit, Math.max(0, state.startedAt + state.settings.maxCallSeconds * 1000 - deps.now()));
    openModel(agent.greeting);
  };

  const onTwilioMessage = async (raw: WebSocket.RawData) => {
    if (stopped) return;
    let data: unknown;
    try {
      data = JSON.parse(raw.toString());
    } catch {
      return refuse(BAD_DATA, 'malformed frame');
    }
    const parsed = TwilioStreamMessage.safeParse(data);
    if (!parsed.success) return refuse(BAD_DATA, 'malformed frame');
    const message = parsed.data;
    switch (message.event) {
      case 'connected':
        return;
      case 'start':
        return start(message);
      case 'media':
        if (!call) return refuse(POLICY, 'media before start');
        if (model?.readyState === WebSocket.OPEN) return toModel({ type: 'input_audio_buffer.append', audio: audio.toModel(message.media.payload) });
        pending.push(message.media.payload);
        if (pending.length > MAX_PENDING_FRAMES) pending.shift();
        return;
      case 'mark': {
        const index = marks.findIndex((m) => m.name === message.mark.name);
        if (index < 0) return;
        const heard = marks[index] as Mark;
        if (item?.id === heard.itemId) item.heardMs = heard.endMs;
        marks = marks.slice(index + 1);
        return;
      }
      case 'dtmf':
        if (call && message.dtmf.digit === call.settings.transferDigit && call.transferNumber) {
          stopped = true;
          model?.close();
          const p = PHRASES[call.language];
          await deps.updateCall(call.callSid, transfer(call.language, p.transferring, call.transferNumber, call.callSid, deps.urls, call.settings.recordCalls));
        }
        return;
      case 'stop':
        stopped = true;
        model?.close();
        return;
    }
  };

  // One frame at a time, in order: media that arrives while `start` is still checking waits for it.
  let chain = Promise.resolve();
  twilio.on('message', (raw) => {
    chain = chain.then(() => onTwilioMessage(raw)).catch((err: unknown) => refuse(1011, `bridge failed: ${err instanceof Error ? err.message : String(err)}`));
  });
  twilio.on('close', () => {
    stopped = true;
    clearTimeout(bargeIn);
    clearTimeout(timeLimit);
    model?.close();
  });
}

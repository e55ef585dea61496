import { spokenSessionInstructions, type HistoryTurn, type SessionTools, type ToolOutcome } from '@vocalia/agent';
import type { BookingRequest, TenantSnapshot } from '@vocalia/contracts';
import { realtimeHistoryItems, withChosenAgent, type SpokenTurn } from '@vocalia/conversation';
import type { Logger } from '@vocalia/service-kit';
import { randomUUID } from 'node:crypto';
import type { Duplex } from 'node:stream';
import WebSocket from 'ws';
import type { NumberDirectory } from '../calls/call-deps';
import type { CallState, CallStore } from '../calls/call-store';
import { rebuildCall, storedCall } from '../calls/recover-call';
import { PHRASES } from '../calls/phrases';
import { listen, sayAndHangUp, transfer, type CallUrls } from '../calls/twiml';
import { audioPath } from './audio-path';
import { batchWrites } from './batched-writes';
import { audioDelta, laidOutMediaPayload, markName, mediaPayload, RealtimeEvent, TwilioStreamMessage } from './media-frames';
import { runModelTool, toolDeclarations } from './model-tools';
import { sessionUpdate, type RealtimeConfig } from './realtime-config';
import type { PhoneTurns } from '../turns/phone-turns';
import type { StreamClaims, StreamTokens } from './stream-token';
import { appendAudio, appendBase64Audio, twilioMark, twilioMedia } from './wire-messages';

export interface StreamDeps {
  logger: Logger;
  calls: CallStore;
  tokens: StreamTokens;
  snapshots: { get(tenantId: string): Promise<TenantSnapshot | null> };
  /** Who answers (greeting, language); null when the tenant may not take calls. */
  turns: Pick<PhoneTurns, 'agentFor'>;
  /** Who owns a number: a call whose state Redis lost is rebuilt from its line. */
  numbers: NumberDirectory;
  recordSpokenTurn(turn: SpokenTurn): Promise<void>;
  /** The conversation of a session so far (empty when Redis cannot say): a reconnected call carries on from it. */
  loadHistory(tenantId: string, sessionId: string): Promise<HistoryTurn[]>;
  /** The engine's tools for this call (knowledge, lead, booking, catalog, hand-off), run locally. */
  tools(snapshot: TenantSnapshot, sessionId: string): SessionTools;
  realtime: RealtimeConfig;
  /** Replace what a live call is doing with new TwiML (Twilio REST `calls(sid).update`). */
  updateCall(callSid: string, twiml: string): Promise<void>;
  urls: CallUrls;
  now: () => number;
}

/**
 * The call a valid token opens: its state, or, when Redis lost it between the answer and this start (or
 * cannot say now), the state rebuilt from the token's line, kept in this stream only: each Twilio webhook
 * of the call rebuilds its own from the numbers Twilio signs, the caller's included.
 */
async function streamedCall(deps: StreamDeps, claims: StreamClaims): Promise<CallState | null> {
  const known = await storedCall(deps, claims.callSid);
  if (known || !claims.line || !claims.direction) return known;
  const origin = { callSid: claims.callSid, direction: claims.direction, line: claims.line, agentId: claims.agentId };
  return rebuildCall(deps, origin, randomUUID());
}

/** Close codes: 1008 policy (token, unknown call), 1007 bad data (malformed frames). */
const POLICY = 1008;
const BAD_DATA = 1007;
/** Caller audio kept while the model connects (50 frames = 1 s); older frames are dropped. */
const MAX_PENDING_FRAMES = 50;
/** After end_call, the reply still queued plays out (its last mark echoes) for at most this long before the goodbye. */
const MAX_GOODBYE_WAIT_MS = 10_000;
/** Closing a stream we hand over to another replica (RFC 6455 "Service Restart"); Twilio then asks the `<Connect>` action. */
const SERVICE_RESTART = 1012;
/** Turns of the call's transcript kept for the tools (contact, booking details said earlier). */
const MAX_HISTORY = 20;

export interface MediaStreamBridge {
  /**
   * This replica is leaving: once the caller has heard the reply playing (its last mark came back), or
   * after `maxWaitMs`, close the stream so Twilio reconnects the call through `/voice/stream-ended`.
   * Resolves when the stream is closed.
   */
  handOver(maxWaitMs: number): Promise<void>;
}

interface Mark {
  name: string;
  itemId: string;
  endMs: number;
}

/**
 * One Twilio media stream bridged to a realtime model. Caller audio (mu-law) passes through
 * untouched, or is transcoded when the model takes PCM16; the model's audio goes back with a mark after each chunk, so on barge-in the reply
 * is truncated at what the caller actually heard (the last mark echoed), and Twilio's buffer is cleared.
 * `wire` is the Twilio WebSocket's own socket: what the bridge sends in one tick leaves in one write.
 */
export function bridgeMediaStream(deps: StreamDeps, twilio: WebSocket, wire: Pick<Duplex, 'cork' | 'uncork'>): MediaStreamBridge {
  let call: CallState | undefined;
  let snapshot: TenantSnapshot | undefined;
  let streamSid = '';
  /** `streamSid` as a JSON string, for the per-frame messages. */
  let streamSidJson = '""';
  let model: WebSocket | undefined;
  let stopped = false;
  const pending: string[] = [];
  const marks: Mark[] = [];
  let item: { id: string; sentMs: number; heardMs: number } | undefined;
  let userText = '';
  let assistantText = '';
  let turnStartedAt = performance.now();
  let tools: SessionTools | undefined;
  const history: HistoryTurn[] = [];
  let outcome: { booking?: BookingRequest; handoff?: boolean } = {};
  let goodbye: NodeJS.Timeout | undefined;
  const audio = audioPath(deps.realtime.audioFormat);

  const refuse = (code: number, reason: string) => {
    deps.logger.warn('media stream closed', { reason, callSid: call?.callSid });
    stopped = true;
    model?.close();
    twilio.close(code, reason);
  };
  const batchTwilio = batchWrites(wire);
  let batchModel: (() => void) | undefined;
  const sendTwilio = (text: string) => {
    if (twilio.readyState !== WebSocket.OPEN) return;
    batchTwilio();
    twilio.send(text);
  };
  const toTwilio = (message: object) => sendTwilio(JSON.stringify({ ...message, streamSid }));
  const sendModel = (text: string) => {
    if (model?.readyState !== WebSocket.OPEN) return;
    batchModel?.();
    model.send(text);
  };
  const toModel = (message: object) => sendModel(JSON.stringify(message));

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
      ...outcome,
    };
    history.push({ role: 'user', text: userText, language: call.language }, { role: 'assistant', text: assistantText, language: call.language });
    history.splice(0, Math.max(0, history.length - MAX_HISTORY));
    userText = '';
    assistantText = '';
    outcome = {};
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

  /** The call leaves the stream for other TwiML (a transfer, the goodbye): the model is done with it. */
  const moveCall = (twiml: string) => {
    if (stopped || !call) return;
    stopped = true;
    clearTimeout(goodbye);
    recordTurn();
    model?.close();
    deps.updateCall(call.callSid, twiml).catch((err: unknown) => deps.logger.error('could not update the live call', { callSid: call?.callSid, error: String(err) }));
  };
  const transferCall = () => {
    if (!call?.transferNumber) return;
    const p = PHRASES[call.language];
    moveCall(transfer(call.language, p.transferring, call.transferNumber, call.callSid, deps.urls, call.settings.recordCalls));
  };
  const hangUp = () => call && moveCall(sayAndHangUp(call.language, PHRASES[call.language].goodbye));

  const onFunctionCall = (e: RealtimeEvent) => {
    if (!tools || !call || !e.call_id || !e.name) return;
    deps.logger.info('realtime model called a tool', { callSid: call.callSid, tool: e.name });
    runModelTool(
      {
        tools,
        turn: () => ({ message: userText, history, language: call?.language }),
        reply: (callId, result) => {
          toModel({ type: 'conversation.item.create', item: { type: 'function_call_output', call_id: callId, output: JSON.stringify(result) } });
          toModel({ type: 'response.create' });
        },
        transfer: transferCall,
        hangUpAfterPlayback: () => {
          if (marks.length === 0) return hangUp();
          goodbye = setTimeout(hangUp, MAX_GOODBYE_WAIT_MS);
        },
        remember: (o: ToolOutcome) => {
          if (o.booking && o.action?.type === 'booking') outcome.booking = o.booking;
          if (o.action?.type === 'handoff') outcome.handoff = true;
        },
      },
      { callId: e.call_id, name: e.name, arguments: e.arguments },
    );
  };

  let timeLimit: NodeJS.Timeout | undefined;
  /** Set while handing the call over: closes the stream once the reply playing has been heard. */
  let leaving: (() => void) | undefined;
  /** The call reached its maximum duration (the tenant's, cut to the phone minutes left at answer time): goodbye and hang up. */
  const endAtTimeLimit = () => {
    if (stopped || !call) return;
    deps.logger.info('call reached its maximum duration', { callSid: call.callSid, maxCallSeconds: call.settings.maxCallSeconds });
    moveCall(sayAndHangUp(call.language, PHRASES[call.language].timeUp));
  };

  let bargeIn: NodeJS.Timeout | undefined;
  /** The caller spoke over the reply long enough: stop it where they stopped hearing it. */
  const interrupt = () => {
    if (!item || marks.length === 0) return;
    // The API refuses a truncation before the reply's first audio frame was heard.
    if (item.heardMs > 0) toModel({ type: 'conversation.item.truncate', item_id: item.id, content_index: 0, audio_end_ms: Math.floor(item.heardMs) });
    toTwilio({ event: 'clear' });
    marks.length = 0;
  };

  /** The model's audio to the caller, a mark after each chunk (the hot path: no schema walk). */
  const playDelta = (itemId: string, delta: string) => {
    if (item?.id !== itemId) item = { id: itemId, sentMs: 0, heardMs: 0 };
    const { payload, ms } = audio.fromModel(delta);
    item.sentMs += ms;
    const mark: Mark = { name: `${itemId}:${item.sentMs}`, itemId, endMs: item.sentMs };
    marks.push(mark);
    sendTwilio(twilioMedia(streamSidJson, payload));
    sendTwilio(twilioMark(streamSidJson, mark.name));
  };

  const onModelEvent = (raw: WebSocket.RawData) => {
    let parsed: unknown;
    try {
      parsed = JSON.parse(raw.toString());
    } catch {
      return;
    }
    const delta = audioDelta(parsed);
    if (delta) return playDelta(delta.itemId, delta.delta);
    const event = RealtimeEvent.safeParse(parsed);
    if (!event.success) return;
    const e = event.data;
    switch (e.type) {
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
      case 'response.function_call_arguments.done':
        onFunctionCall(e);
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

  /** The greeting of a new call, or the conversation so far of one whose stream reopened (no second greeting). */
  const openModel = (opening: { greeting: string } | { past: HistoryTurn[] }) => {
    const socket = new WebSocket(deps.realtime.url, { headers: { authorization: `Bearer ${deps.realtime.apiKey}` }, perMessageDeflate: false });
    model = socket;
    socket.once('upgrade', (res) => (batchModel = batchWrites(res.socket)));
    socket.on('open', () => {
      if (!snapshot || !call) return;
      toModel(sessionUpdate(deps.realtime, spokenSessionInstructions(snapshot, call.language, 'phone'), tools ? toolDeclarations(tools) : []));
      if ('past' in opening) for (const item of realtimeHistoryItems(opening.past)) toModel(item);
      else toModel({ type: 'response.create', response: { instructions: `Greet the caller with exactly: ${opening.greeting}` } });
      for (const payload of pending.splice(0)) sendModel(appendAudio(audio.toModel(payload)));
    });
    socket.on('message', onModelEvent);
    socket.on('error', (err) => deps.logger.warn('realtime socket error', { callSid: call?.callSid, error: err.message }));
    socket.on('close', () => rescue('the realtime socket closed'));
  };

  const start = async (message: Extract<TwilioStreamMessage, { event: 'start' }>) => {
    const { customParameters: params, callSid } = message.start;
    streamSid = message.start.streamSid;
    streamSidJson = JSON.stringify(streamSid);
    const claims = deps.tokens.verify(params.token ?? '');
    if ('refused' in claims) return refuse(POLICY, claims.refused);
    if (claims.callSid !== callSid || claims.tenantId !== params.tenant || (claims.agentId ?? '') !== (params.agent ?? '')) return refuse(POLICY, 'token for another call');
    const state = await streamedCall(deps, claims);
    if (!state || state.ended || state.tenantId !== claims.tenantId) return refuse(POLICY, 'unknown call');
    const [found, agent] = await Promise.all([deps.snapshots.get(state.tenantId), deps.turns.agentFor(state.tenantId, state.agentId)]);
    if (!found || !agent) return refuse(POLICY, 'tenant cannot take calls');
    call = state;
    snapshot = withChosenAgent(found, state.agentId ?? undefined);
    tools = deps.tools(snapshot, state.callSid);
    timeLimit = setTimeout(endAtTimeLimit, Math.max(0, state.startedAt + state.settings.maxCallSeconds * 1000 - deps.now()));
    if (params.resumed !== '1') return openModel({ greeting: agent.greeting });
    const past = (await deps.loadHistory(state.tenantId, state.callSid)).slice(-MAX_HISTORY);
    history.push(...past);
    openModel({ past });
  };

  /** Twilio played the audio up to this mark: the caller heard the reply that far. */
  const markHeard = (name: string) => {
    const index = marks.findIndex((m) => m.name === name);
    if (index < 0) return;
    const heard = marks[index] as Mark;
    if (item?.id === heard.itemId) item.heardMs = heard.endMs;
    marks.splice(0, index + 1);
    if (goodbye && marks.length === 0) hangUp();
    if (leaving && marks.length === 0) leaving();
  };

  /** Caller audio to the model (the hot path: no schema walk, no promise); `base64` when the payload is known to be. */
  const forwardMedia = (payload: string, base64 = false) => {
    if (!call) return refuse(POLICY, 'media before start');
    if (model?.readyState === WebSocket.OPEN) {
      const toModel = audio.toModel(payload);
      return sendModel(base64 ? appendBase64Audio(toModel) : appendAudio(toModel));
    }
    pending.push(payload);
    if (pending.length > MAX_PENDING_FRAMES) pending.shift();
  };

  const onTwilioMessage = (raw: WebSocket.RawData): Promise<void> | void => {
    if (stopped) return;
    const text = raw.toString();
    const laidOut = laidOutMediaPayload(text);
    if (laidOut !== undefined) return forwardMedia(laidOut, true);
    let data: unknown;
    try {
      data = JSON.parse(text);
    } catch {
      return refuse(BAD_DATA, 'malformed frame');
    }
    const payload = mediaPayload(data);
    if (payload !== undefined) return forwardMedia(payload);
    const heard = markName(data);
    if (heard !== undefined) return markHeard(heard);
    const parsed = TwilioStreamMessage.safeParse(data);
    if (!parsed.success) return refuse(BAD_DATA, 'malformed frame');
    const message = parsed.data;
    switch (message.event) {
      case 'connected':
        return;
      case 'start':
        return start(message);
      case 'media':
        return forwardMedia(message.media.payload);
      case 'mark':
        return markHeard(message.mark.name);
      case 'dtmf':
        if (call && message.dtmf.digit === call.settings.transferDigit) transferCall();
        return;
      case 'stop':
        stopped = true;
        model?.close();
        return;
    }
  };

  const fail = (err: unknown) => refuse(1011, `bridge failed: ${err instanceof Error ? err.message : String(err)}`);
  const handle = (raw: WebSocket.RawData): Promise<void> | undefined => {
    try {
      return onTwilioMessage(raw)?.catch(fail);
    } catch (err) {
      fail(err);
      return undefined;
    }
  };
  // One frame at a time, in order: frames that arrive while `start` is still checking wait for it;
  // the rest (every media frame of a live call) are handled at once, with no promise per frame.
  let waiting: Promise<void> | undefined;
  const settle = (p: Promise<void>) => void p.then(() => waiting === p && (waiting = undefined));
  twilio.on('message', (raw) => {
    if (waiting) {
      const next: Promise<void> = waiting.then(() => handle(raw));
      waiting = next;
      return settle(next);
    }
    const pendingWork = handle(raw);
    if (pendingWork) settle((waiting = pendingWork));
  });
  const closed = new Promise<void>((resolve) => twilio.once('close', () => resolve()));
  twilio.on('close', () => {
    stopped = true;
    clearTimeout(bargeIn);
    clearTimeout(goodbye);
    clearTimeout(timeLimit);
    model?.close();
  });
  return {
    handOver(maxWaitMs) {
      if (twilio.readyState === WebSocket.CLOSED) return closed;
      const leave = () => {
        clearTimeout(timer);
        if (!stopped) deps.logger.info('media stream handed over: this replica is leaving', { callSid: call?.callSid });
        stopped = true;
        model?.close();
        twilio.close(SERVICE_RESTART, 'server restarting');
      };
      const timer = setTimeout(leave, maxWaitMs);
      leaving = leave;
      if (marks.length === 0) leave();
      return closed;
    },
  };
}

import { spokenSessionInstructions, type HistoryTurn, type SessionTools, type ToolOutcome } from '@vocalia/agent';
import type { BookingRequest, TenantSnapshot } from '@vocalia/contracts';
import { realtimeHistoryItems, type SpokenTurn } from '@vocalia/conversation';
import type { Duplex } from 'node:stream';
import WebSocket from 'ws';
import type { CallState } from '../calls/call-store';
import { PHRASES } from '../calls/phrases';
import { listen, sayAndHangUp, transfer } from '../calls/twiml';
import { audioPath } from './audio-path';
import { batchWrites } from './batched-writes';
import { audioDelta, laidOutMediaPayload, markName, mediaPayload, RealtimeEvent, TwilioStreamMessage } from './media-frames';
import { runModelTool, toolDeclarations } from './model-tools';
import { sessionUpdate } from './realtime-config';
import { openStream, type StreamDeps, type StreamOpening } from './stream-opening';
import { appendAudio, appendBase64Audio, twilioMark, twilioMedia } from './wire-messages';

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
  /** What waits for the caller to hear the reply playing (its last mark back), each with its deadline: the goodbye, a handover. */
  const afterPlayback = new Set<{ run: () => void; timer: NodeJS.Timeout }>();
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

  const runAfterPlayback = (entry: { run: () => void; timer: NodeJS.Timeout }) => {
    afterPlayback.delete(entry);
    clearTimeout(entry.timer);
    entry.run();
  };
  /** Runs `run` once the caller has heard the reply playing, or after `maxWaitMs`, whichever comes first. */
  const whenHeard = (run: () => void, maxWaitMs: number) => {
    if (marks.length === 0) return run();
    const entry = { run, timer: setTimeout(() => runAfterPlayback(entry), maxWaitMs) };
    afterPlayback.add(entry);
  };
  const cancelAfterPlayback = () => {
    for (const entry of afterPlayback) clearTimeout(entry.timer);
    afterPlayback.clear();
  };

  /** The call leaves the stream for other TwiML (a transfer, the goodbye): the model is done with it. */
  const moveCall = (twiml: string) => {
    if (stopped || !call) return;
    stopped = true;
    cancelAfterPlayback();
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
        hangUpAfterPlayback: () => whenHeard(hangUp, MAX_GOODBYE_WAIT_MS),
        remember: (o: ToolOutcome) => {
          if (o.action?.type === 'booking') outcome.booking = o.action.booking;
          if (o.action?.type === 'handoff') outcome.handoff = true;
        },
      },
      { callId: e.call_id, name: e.name, arguments: e.arguments },
    );
  };

  let timeLimit: NodeJS.Timeout | undefined;
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

  const openModel = (opening: StreamOpening['opening']) => {
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
    streamSid = message.start.streamSid;
    streamSidJson = JSON.stringify(streamSid);
    const opened = await openStream(deps, message.start, MAX_HISTORY);
    if ('refused' in opened) return refuse(POLICY, opened.refused);
    ({ call, snapshot } = opened);
    tools = deps.tools(snapshot, call.callSid);
    timeLimit = setTimeout(endAtTimeLimit, Math.max(0, call.startedAt + call.settings.maxCallSeconds * 1000 - deps.now()));
    if ('past' in opened.opening) history.push(...opened.opening.past);
    openModel(opened.opening);
  };

  /** Twilio played the audio up to this mark: the caller heard the reply that far. */
  const markHeard = (name: string) => {
    const index = marks.findIndex((m) => m.name === name);
    if (index < 0) return;
    const heard = marks[index] as Mark;
    if (item?.id === heard.itemId) item.heardMs = heard.endMs;
    marks.splice(0, index + 1);
    if (marks.length === 0) for (const entry of [...afterPlayback]) runAfterPlayback(entry);
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
    cancelAfterPlayback();
    clearTimeout(timeLimit);
    model?.close();
  });
  /** This replica is leaving: Twilio asks `/voice/stream-ended` and gets the call a stream elsewhere. */
  const leave = () => {
    if (!stopped) deps.logger.info('media stream handed over: this replica is leaving', { callSid: call?.callSid });
    stopped = true;
    model?.close();
    twilio.close(SERVICE_RESTART, 'server restarting');
  };
  return {
    handOver(maxWaitMs) {
      if (twilio.readyState !== WebSocket.CLOSED) whenHeard(leave, maxWaitMs);
      return closed;
    },
  };
}

import type { ResolvedPhoneNumber } from '@vocalia/contracts';
import type { PhoneAgent } from '../turns/phone-turns';
import type { InboundCallParams } from '../twilio/webhook-params';
import { LINE_LANGUAGE, LINE_LANGUAGES, SLOT_MARGIN_SEC, type CallDeps } from './call-deps';
import { liveCall } from './recover-call';
import { refuseCall } from './refuse-call';
import { SEQUENCE } from './call-events';
import type { CallState } from './call-store';
import { PHRASES, type PhonePhrases } from './phrases';
import { streamParameters } from './stream-parameters';
import { connectStream, listen, sayAndHangUp, sayEachAndHangUp } from './twiml';

/** A refusal in every line language (French, then English): nobody knows the caller's language yet. */
const lineRefusal = (phrase: keyof PhonePhrases) =>
  sayEachAndHangUp(LINE_LANGUAGES.map((language) => ({ language, text: PHRASES[language][phrase] })));

/** The first thing the caller hears: the recording notice when the tenant records, then the agent's greeting. */
async function greet(deps: CallDeps, call: CallState, agent: PhoneAgent, params: InboundCallParams): Promise<string> {
  const opened: CallState = { ...call, language: agent.language, agentId: agent.agentId ?? call.agentId, transferNumber: agent.transferNumber };
  await deps.calls.save(opened);
  deps.events.publish(opened, 'call.started', SEQUENCE.started, { from: params.From, to: params.To, status: 'in-progress' });
  const record = opened.settings.recordCalls;
  const consent = record ? { before: PHRASES[opened.language].recordingNotice, record } : {};
  if (deps.stream) {
    return connectStream(opened.language, deps.stream.url, streamParameters(deps.stream, opened), deps.urls, consent);
  }
  return listen(opened.language, agent.greeting, deps.urls, consent);
}

/** `POST /voice/inbound`: resolve the dialled number, refuse it when the tenant may not take calls, hold a place in the tenant's limit, greet. */
export async function answerInbound(deps: CallDeps, params: InboundCallParams, requestId: string): Promise<string> {
  const resolved: ResolvedPhoneNumber | null = await deps.numbers.resolve(params.To);
  if (!resolved) {
    deps.logger.info('call to a number no tenant owns: apologised and hung up', { callSid: params.CallSid });
    return lineRefusal('unknownNumber');
  }
  const { settings, tenantId } = resolved;
  const refusal = await deps.admission(tenantId);
  if (refusal) return refuseCall(deps, params, resolved, refusal, requestId);
  const agent = await deps.turns.agentFor(tenantId, resolved.agentId);
  if (!agent) {
    deps.logger.warn('call to a tenant that cannot answer calls (suspended, no telephony): apologised and hung up', { callSid: params.CallSid, tenantId });
    return lineRefusal('unavailable');
  }
  const call: CallState = {
    callSid: params.CallSid,
    tenantId,
    agentId: resolved.agentId,
    direction: 'inbound',
    language: LINE_LANGUAGE,
    settings: { ...settings, maxCallSeconds: await deps.callCap(tenantId, settings.maxCallSeconds) },
    startedAt: deps.now(),
    silences: 0,
    slot: params.CallSid,
    callerNumber: params.From,
    lineNumber: resolved.number,
    requestId,
    ended: false,
  };
  const placed = await deps.slots.acquire(tenantId, call.slot, settings.maxConcurrentCalls, (settings.maxCallSeconds + SLOT_MARGIN_SEC) * 1000);
  if (!placed) {
    await deps.calls.save({ ...call, ended: true, refused: true });
    deps.logger.warn('call refused: tenant at its concurrent call limit', { callSid: params.CallSid, tenantId, limit: settings.maxConcurrentCalls });
    return sayAndHangUp(agent.language, PHRASES[agent.language].busy);
  }
  return greet(deps, call, agent, params);
}

/** `POST /voice/outbound`: the callee picked up a call the outbound worker placed (its state rebuilt from our number if Redis lost it). */
export async function answerOutbound(deps: CallDeps, params: InboundCallParams, requestId: string): Promise<string> {
  const call = await liveCall(deps, params, requestId);
  if (!call || call.ended) {
    deps.logger.warn('outbound call answered but unknown here: hung up', { callSid: params.CallSid });
    return lineRefusal('unavailable');
  }
  const agent = await deps.turns.agentFor(call.tenantId, call.agentId);
  if (!agent) return sayAndHangUp(call.language, PHRASES[call.language].unavailable);
  const maxCallSeconds = await deps.callCap(call.tenantId, call.settings.maxCallSeconds);
  return greet(deps, { ...call, settings: { ...call.settings, maxCallSeconds }, startedAt: deps.now() }, agent, params);
}

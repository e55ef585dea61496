import type { GatherParams } from '../twilio/webhook-params';
import { LINE_LANGUAGE, type CallDeps } from './call-deps';
import type { CallState } from './call-store';
import { keepState, liveCall } from './recover-call';
import { PHRASES } from './phrases';
import { listen, sayAndHangUp, transfer } from './twiml';

/** Empty gathers in a row before the call is ended politely. */
export const MAX_SILENCES = 2;

const CALLER_TEXT_MAX = 200;

/** Dial the agent's transfer number, or say nobody can take the call and keep listening. */
export async function startTransfer(deps: CallDeps, call: CallState, text: string): Promise<string> {
  const p = PHRASES[call.language];
  if (!call.transferNumber) return listen(call.language, p.transferFailed, deps.urls);
  deps.logger.info('call transferred to a person', { callSid: call.callSid, tenantId: call.tenantId });
  return transfer(call.language, text, call.transferNumber, call.callSid, deps.urls, call.settings.recordCalls);
}

/** `POST /voice/turn`: what the caller said or typed -> the agent's answer -> listen again (or transfer, or end). */
export async function takeTurn(deps: CallDeps, params: GatherParams, requestId: string): Promise<string> {
  const call = await liveCall(deps, params, requestId);
  if (!call || call.ended) return sayAndHangUp(LINE_LANGUAGE, PHRASES[LINE_LANGUAGE].unavailable);
  const p = PHRASES[call.language];
  if (deps.now() - call.startedAt >= call.settings.maxCallSeconds * 1000) {
    deps.logger.info('call reached its maximum duration', { callSid: call.callSid, maxCallSeconds: call.settings.maxCallSeconds });
    return sayAndHangUp(call.language, p.timeUp);
  }
  if (params.Digits === call.settings.transferDigit) return startTransfer(deps, call, p.transferring);
  const message = params.SpeechResult ?? '';
  if (!message) {
    const silences = call.silences + 1;
    if (silences >= MAX_SILENCES) return sayAndHangUp(call.language, p.noInput);
    await deps.calls.save({ ...call, silences });
    return listen(call.language, p.reprompt, deps.urls);
  }
  const reply = await deps.turns.answer({ tenantId: call.tenantId, agentId: call.agentId, callSid: call.callSid, message, requestId });
  const next: CallState = { ...call, silences: 0, language: reply.language, lastCallerText: message.slice(0, CALLER_TEXT_MAX) };
  // The turn is answered and stored by now: the caller hears it even when Redis cannot keep the state.
  await keepState(deps, next);
  if (reply.intent === 'goodbye') return sayAndHangUp(next.language, reply.answer);
  if (reply.handoff && next.transferNumber) return startTransfer(deps, next, reply.answer);
  return listen(next.language, reply.answer, deps.urls);
}

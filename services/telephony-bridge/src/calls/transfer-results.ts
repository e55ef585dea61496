import type { DialResultParams } from '../twilio/webhook-params';
import { LINE_LANGUAGE, type CallDeps } from './call-deps';
import { PHRASES } from './phrases';
import { liveCall } from './recover-call';
import { listen, sayAndHangUp, whisper } from './twiml';

/** `POST /voice/whisper?call=<CallSid>`: the person who answers a transfer hears who is calling and why. */
export async function whisperSummary(deps: CallDeps, parentCallSid: string): Promise<string> {
  const call = await deps.calls.get(parentCallSid);
  const language = call?.language ?? LINE_LANGUAGE;
  const p = PHRASES[language];
  const summary = call?.lastCallerText ? ` ${p.summary.replace('{text}', call.lastCallerText)}` : '';
  return whisper(language, `${p.whisper}${summary}`);
}

/** `POST /voice/dial-result`: a transfer that nobody took comes back to the agent (even when Redis lost the call's state); one that happened ends the call. */
export async function afterTransfer(deps: CallDeps, params: DialResultParams, requestId: string): Promise<string> {
  const call = await liveCall(deps, params, requestId);
  if (!call || call.ended) return sayAndHangUp(LINE_LANGUAGE, PHRASES[LINE_LANGUAGE].goodbye);
  const p = PHRASES[call.language];
  if (params.DialCallStatus === 'completed') return sayAndHangUp(call.language, p.goodbye);
  deps.logger.info('transfer not taken: back to the agent', { callSid: call.callSid, dialStatus: params.DialCallStatus });
  return listen(call.language, p.transferFailed, deps.urls);
}

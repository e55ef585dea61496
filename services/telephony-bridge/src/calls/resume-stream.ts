import type { CallParams } from '../twilio/webhook-params';
import { LINE_LANGUAGE, type CallDeps } from './call-deps';
import { PHRASES } from './phrases';
import { keepState, liveCall } from './recover-call';
import { streamParameters } from './stream-parameters';
import { connectStream, listen, sayAndHangUp } from './twiml';

/** Streams reopened in one call before it goes on turn by turn (a stream that keeps ending is not a deploy). */
export const MAX_STREAM_RESUMES = 3;

/**
 * `POST /voice/stream-ended`, the `<Connect>` action: the call's media stream ended and the call did not
 * (our side closed it: the replica that held it is leaving a deploy, or failed). The call reconnects to
 * a new stream, which Traefik gives to a replica still serving; that stream does not greet again, and its
 * model starts from the call's conversation so far. A call already over is hung up; past
 * MAX_STREAM_RESUMES, or with streaming off now, the call goes on turn by turn.
 */
export async function resumeStream(deps: CallDeps, params: CallParams, requestId: string): Promise<string> {
  const call = await liveCall(deps, params, requestId);
  if (!call || call.ended) return sayAndHangUp(call?.language ?? LINE_LANGUAGE);
  const agent = await deps.turns.agentFor(call.tenantId, call.agentId);
  if (!agent) return sayAndHangUp(call.language, PHRASES[call.language].unavailable);
  const resumes = (call.streamResumes ?? 0) + 1;
  if (!deps.stream || resumes > MAX_STREAM_RESUMES) {
    deps.logger.warn('media stream ended again: the call goes on turn by turn', { callSid: call.callSid, tenantId: call.tenantId, resumes });
    return listen(call.language, PHRASES[call.language].modelDropped.replace('{digit}', call.settings.transferDigit), deps.urls);
  }
  await keepState(deps, { ...call, streamResumes: resumes });
  deps.logger.info('media stream ended mid-call: reconnected', { callSid: call.callSid, tenantId: call.tenantId, resumes });
  return connectStream(call.language, deps.stream.url, { ...streamParameters(deps.stream, call), resumed: '1' }, deps.urls);
}

import type { RecordingParams, StatusParams } from '../twilio/webhook-params';
import type { CallDeps } from './call-deps';
import { isTerminalStatus, SEQUENCE, sequenceOfStatus } from './call-events';
import { findCall, keepState } from './recover-call';
import { sendSmsSummary } from './sms-summary';

/**
 * `POST /voice/status`: Twilio's call progress. The end of a call publishes `call.completed` and its
 * billable seconds once, frees its place in the tenant's limit and marks the call ended; a replayed
 * callback finds it ended and changes nothing. A live call whose state Redis lost, or cannot give now,
 * is rebuilt from its number: its end is recorded and billed even while Redis is away, once Redis can
 * say the call was not one we refused (held-ends.ts).
 */
export async function recordCallStatus(deps: CallDeps, params: StatusParams, requestId: string): Promise<void> {
  const { call, unreadable } = await findCall(deps, params, requestId);
  if (!call) {
    deps.logger.info('status of a call unknown here ignored', { callSid: params.CallSid, status: params.CallStatus });
    return;
  }
  if (call.ended) {
    deps.logger.info('status after the call ended ignored (replay)', { callSid: call.callSid, status: params.CallStatus });
    return;
  }
  const status = params.CallStatus;
  if (!isTerminalStatus(status)) {
    deps.events.publish(call, 'call.status', sequenceOfStatus(status), { status });
    return;
  }
  const durationSec = params.CallDuration ?? 0;
  if (unreadable) deps.heldEnds.hold(call, status, durationSec);
  else deps.events.recordEnd(call, status, durationSec);
  // Recorded and billed by now, or held until Redis answers: a place not freed expires by itself.
  await deps.slots.release(call.tenantId, call.slot).catch((err: unknown) => void deps.logger.warn('call place not freed (Redis away?)', { callSid: call.callSid, err }));
  // Marked ended over a state Redis could not give, it could hide the refusal its held end waits to read.
  if (!unreadable) await keepState(deps, { ...call, ended: true });
  deps.logger.info('call ended', { callSid: call.callSid, tenantId: call.tenantId, status, durationSec, ...(unreadable ? { recorded: 'once Redis answers' } : {}) });
  if (status === 'completed') await sendSmsSummary(deps, call);
}

/** `POST /voice/recording`: a finished recording's SID, URL and duration go on the call. */
export async function recordRecording(deps: CallDeps, params: RecordingParams): Promise<void> {
  if (params.RecordingStatus !== 'completed') return;
  const call = await deps.calls.get(params.CallSid);
  if (!call) {
    deps.logger.warn('recording of a call unknown here ignored', { callSid: params.CallSid, recordingSid: params.RecordingSid });
    return;
  }
  deps.events.publish(
    call,
    'call.recording',
    SEQUENCE.recording,
    { recordingSid: params.RecordingSid, recordingUrl: params.RecordingUrl, ...(params.RecordingDuration !== undefined ? { recordingDurationSec: params.RecordingDuration } : {}) },
    params.RecordingSid,
  );
}

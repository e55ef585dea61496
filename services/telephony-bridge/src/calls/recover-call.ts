import type { CallParams } from '../twilio/webhook-params';
import type { CallDeps } from './call-deps';
import type { CallState } from './call-store';

/**
 * A live call whose state is gone (Redis restarted empty), rebuilt from the number it uses: the
 * dialled one (`To`) for a call in, ours (`From`) for a call we placed. Its next turn is still
 * answered, and its end is still recorded and billed: the event and usage ids are the call SID's,
 * so db-api applies them once however often they come. The request is Twilio-signed, so the SID and
 * numbers are Twilio's. Null when the number is no tenant's or its tenant cannot take calls now
 * (as `answerInbound` would refuse it; a refused call's state is kept ended, so its callbacks change nothing).
 */
export async function recoverLostCall(deps: CallDeps, params: CallParams, requestId: string): Promise<CallState | null> {
  const outbound = params.Direction.startsWith('outbound');
  const resolved = await deps.numbers.resolve(outbound ? params.From : params.To);
  if (!resolved) return null;
  const agent = await deps.turns.agentFor(resolved.tenantId, resolved.agentId);
  if (!agent) return null;
  const call: CallState = {
    callSid: params.CallSid,
    tenantId: resolved.tenantId,
    agentId: agent.agentId ?? resolved.agentId,
    direction: outbound ? 'outbound' : 'inbound',
    language: agent.language,
    settings: resolved.settings,
    startedAt: deps.now(),
    silences: 0,
    transferNumber: agent.transferNumber,
    callerNumber: outbound ? params.To : params.From,
    lineNumber: resolved.number,
    // Its place in the tenant's limit went with the rest of Redis: releasing it is a no-op.
    slot: params.CallSid,
    requestId,
    ended: false,
  };
  deps.logger.warn('state of a live call lost or unreadable (Redis restarted empty, or away): rebuilt from its number', { callSid: call.callSid, tenantId: call.tenantId });
  await keepState(deps, call);
  return call;
}

/** The call's state; when Redis lost it or cannot say now, the state rebuilt from its number. */
export async function liveCall(deps: CallDeps, params: CallParams, requestId: string): Promise<CallState | null> {
  const known = await deps.calls.get(params.CallSid).catch((err: unknown) => {
    deps.logger.warn('call state unreadable (Redis away?)', { callSid: params.CallSid, err });
    return null;
  });
  return known ?? recoverLostCall(deps, params, requestId);
}

/** Saves the call's state when Redis can; when it cannot, the call goes on, and its next webhook rebuilds the state. */
export function keepState(deps: CallDeps, state: CallState): Promise<void> {
  return deps.calls.save(state).catch((err: unknown) => void deps.logger.warn('call state not saved (Redis away?)', { callSid: state.callSid, err }));
}

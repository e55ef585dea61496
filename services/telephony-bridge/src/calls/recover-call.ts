import type { CallParams } from '../twilio/webhook-params';
import type { PhoneTurns } from '../turns/phone-turns';
import type { CallDeps } from './call-deps';
import type { CallState } from './call-store';

/** What a live call's lost state is rebuilt from: something Twilio signed (a webhook) or we did (a stream token). */
export interface CallOrigin {
  callSid: string;
  direction: CallState['direction'];
  /** Our number on the call: it says whose call this is. */
  line: string;
  /** The other party's number, for the SMS summary; unknown to a stream. */
  caller?: string;
  /** The agent chosen when the call was answered; absent, the number's. */
  agentId?: string | null;
}

export type RebuildDeps = Pick<CallDeps, 'numbers' | 'logger' | 'now'> & { turns: Pick<PhoneTurns, 'agentFor'> };

/**
 * A live call whose state is gone (Redis restarted empty, or away), rebuilt from the number it uses.
 * Its next turn is still answered, and its end is still recorded and billed: the event and usage ids
 * are the call SID's, so db-api applies them once however often they come. Null when the number is no
 * tenant's or its tenant cannot take calls now (as `answerInbound` would refuse it; a refused call's
 * state is kept ended, so its callbacks change nothing).
 */
export async function rebuildCall(deps: RebuildDeps, origin: CallOrigin, requestId: string): Promise<CallState | null> {
  const resolved = await deps.numbers.resolve(origin.line);
  if (!resolved) return null;
  const agent = await deps.turns.agentFor(resolved.tenantId, origin.agentId === undefined ? resolved.agentId : origin.agentId);
  if (!agent) return null;
  deps.logger.warn('state of a live call lost or unreadable (Redis restarted empty, or away): rebuilt from its number', { callSid: origin.callSid, tenantId: resolved.tenantId });
  return {
    callSid: origin.callSid,
    tenantId: resolved.tenantId,
    agentId: agent.agentId ?? resolved.agentId,
    direction: origin.direction,
    language: agent.language,
    settings: resolved.settings,
    startedAt: deps.now(),
    silences: 0,
    transferNumber: agent.transferNumber,
    ...(origin.caller ? { callerNumber: origin.caller } : {}),
    lineNumber: resolved.number,
    // Its place in the tenant's limit went with the rest of Redis: releasing it is a no-op.
    slot: origin.callSid,
    requestId,
    ended: false,
  };
}

/** A Twilio webhook's call rebuilt (the dialled number, `To`, for a call in; ours, `From`, for a call we placed) and saved when Redis can. */
export async function recoverLostCall(deps: CallDeps, params: CallParams, requestId: string): Promise<CallState | null> {
  const outbound = params.Direction.startsWith('outbound');
  const origin: CallOrigin = outbound
    ? { callSid: params.CallSid, direction: 'outbound', line: params.From, caller: params.To }
    : { callSid: params.CallSid, direction: 'inbound', line: params.To, caller: params.From };
  const call = await rebuildCall(deps, origin, requestId);
  if (call) await keepState(deps, call);
  return call;
}

/** The call's state as Redis keeps it; null when Redis lost it or cannot say now (logged). */
export function storedCall(deps: Pick<CallDeps, 'calls' | 'logger'>, callSid: string): Promise<CallState | null> {
  return deps.calls.get(callSid).catch((err: unknown) => {
    deps.logger.warn('call state unreadable (Redis away?)', { callSid, err });
    return null;
  });
}

/** The call's state; when Redis lost it or cannot say now, the state rebuilt from its number. */
export async function liveCall(deps: CallDeps, params: CallParams, requestId: string): Promise<CallState | null> {
  return (await storedCall(deps, params.CallSid)) ?? recoverLostCall(deps, params, requestId);
}

/** Saves the call's state when Redis can; when it cannot, the call goes on, and its next webhook rebuilds the state. */
export function keepState(deps: Pick<CallDeps, 'calls' | 'logger'>, state: CallState): Promise<void> {
  return deps.calls.save(state).catch((err: unknown) => void deps.logger.warn('call state not saved (Redis away?)', { callSid: state.callSid, err }));
}

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

/** The call's state as Redis keeps it (null: Redis lost it), or, when Redis cannot say now, why. */
export type StoredCall = { state: CallState | null } | { unreadable: unknown };

/**
 * A live call whose state is gone (Redis restarted empty, or away), rebuilt from the number it uses.
 * Its next turn is still answered, and its end is still recorded and billed: the event and usage ids
 * are the call SID's, so db-api applies them once however often they come. Null when the number is no
 * tenant's or its tenant cannot take calls now (as `answerInbound` would refuse it; a refused call's
 * state is kept refused, so its callbacks change nothing and bill nothing).
 */
async function rebuildCall(deps: RebuildDeps, origin: CallOrigin, requestId: string): Promise<CallState | null> {
  const resolved = await deps.numbers.resolve(origin.line);
  if (!resolved) return null;
  const agent = await deps.turns.agentFor(resolved.tenantId, origin.agentId === undefined ? resolved.agentId : origin.agentId);
  if (!agent) return null;
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

/** The call's state as Redis keeps it; `unreadable` when Redis cannot give it now (Redis away?). */
export function storedCall(deps: Pick<CallDeps, 'calls'>, callSid: string): Promise<StoredCall> {
  return deps.calls.get(callSid).then(
    (state) => ({ state }),
    (err: unknown) => ({ unreadable: err }),
  );
}

/** The state Redis gave, if any: null when it lost the call's state or cannot give it now. */
export const knownState = (stored: StoredCall): CallState | null => ('state' in stored ? stored.state : null);

/**
 * A call whose state Redis lost or cannot give now, rebuilt from `origin` (null: nothing to rebuild it
 * from). One log line per recovery, saying which and how it ended (a lost state not rebuilt is the
 * caller's to log, as any unknown call).
 */
export async function recoverCall(deps: RebuildDeps, callSid: string, stored: StoredCall, origin: CallOrigin | null, requestId: string): Promise<CallState | null> {
  const call = origin && (await rebuildCall(deps, origin, requestId));
  const ids = { callSid, requestId, ...(call ? { tenantId: call.tenantId } : {}) };
  if ('unreadable' in stored) {
    const outcome = call ? 'rebuilt from its number' : 'not rebuilt (its number answers no call now)';
    deps.logger.warn(`call state unreadable (Redis away?): ${outcome}`, { ...ids, err: stored.unreadable });
  } else if (call) {
    deps.logger.warn('call state lost (Redis restarted empty?): rebuilt from its number', ids);
  }
  return call;
}

/** Our line and the other party for a Twilio webhook's call: the dialled number, `To`, for a call in; ours, `From`, for a call we placed. */
function originOf(params: CallParams): CallOrigin {
  return params.Direction.startsWith('outbound')
    ? { callSid: params.CallSid, direction: 'outbound', line: params.From, caller: params.To }
    : { callSid: params.CallSid, direction: 'inbound', line: params.To, caller: params.From };
}

/**
 * A Twilio webhook's call, and whether Redis could say what it knows of it: its state, or, when Redis
 * lost it or cannot give it now, the state rebuilt from its number. Saved only when Redis said it lost
 * it: a state Redis holds but could not give (refused, ended, mid-transfer) is not overwritten.
 */
export async function findCall(deps: CallDeps, params: CallParams, requestId: string): Promise<{ call: CallState | null; unreadable: boolean }> {
  const stored = await storedCall(deps, params.CallSid);
  const known = knownState(stored);
  if (known) return { call: known, unreadable: false };
  const unreadable = 'unreadable' in stored;
  const call = await recoverCall(deps, params.CallSid, stored, originOf(params), requestId);
  if (call && !unreadable) await keepState(deps, call);
  return { call, unreadable };
}

/** The call's state; when Redis lost it or cannot say now, the state rebuilt from its number. */
export async function liveCall(deps: CallDeps, params: CallParams, requestId: string): Promise<CallState | null> {
  return (await findCall(deps, params, requestId)).call;
}

/** Saves the call's state when Redis can; when it cannot, the call goes on, and its next webhook rebuilds the state. */
export function keepState(deps: Pick<CallDeps, 'calls' | 'logger'>, state: CallState): Promise<void> {
  return deps.calls.save(state).catch((err: unknown) => void deps.logger.warn('call state not saved (Redis away?)', { callSid: state.callSid, err }));
}

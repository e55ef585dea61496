import type { CallEventJob } from '@vocalia/contracts';
import type { ConversationRuntime } from '@vocalia/conversation';
import type { CallState } from './call-store';

/**
 * Each event's place in its call. The event id is `CallSid` + this sequence, so a replayed webhook
 * enqueues the same id (BullMQ keeps one job per id) and db-api applies it once.
 */
export const SEQUENCE = { started: 0, initiated: 1, ringing: 2, answered: 3, ended: 4, recording: 5 } as const;

const TERMINAL = new Set(['completed', 'busy', 'failed', 'no-answer', 'canceled']);
export const isTerminalStatus = (status: string) => TERMINAL.has(status);

/** Twilio's call statuses in the order a call goes through them. */
export function sequenceOfStatus(status: string): number {
  if (isTerminalStatus(status)) return SEQUENCE.ended;
  if (status === 'ringing') return SEQUENCE.ringing;
  if (status === 'in-progress' || status === 'answered') return SEQUENCE.answered;
  return SEQUENCE.initiated;
}

type CallEventFields = Omit<CallEventJob, 'v' | 'eventId' | 'tenantId' | 'requestId' | 'at' | 'callSid' | 'sequence' | 'type' | 'callId'>;

export interface CallEvents {
  /** Through the turn runtime's publisher: never blocks the call, kept while Redis is away, added again if Redis comes back empty. */
  publish(call: CallState, type: CallEventJob['type'], sequence: number, fields?: CallEventFields, idSuffix?: string): void;
  /** A finished call's end: `call.completed` and its billable seconds, each once per call (ids from the call SID). */
  recordEnd(call: CallState, status: string, durationSec: number): void;
}

/** Call events and billed seconds through the turn runtime's publisher, beside its turn and usage events. */
export function createCallEvents(runtime: Pick<ConversationRuntime, 'events' | 'recordUsage'>, now: () => Date = () => new Date()): CallEvents {
  const publish: CallEvents['publish'] = (call, type, sequence, fields = {}, idSuffix) => {
    runtime.events.publish('call-events', {
      v: 1,
      eventId: `call_${call.callSid}_${sequence}${idSuffix ? `_${idSuffix}` : ''}`,
      tenantId: call.tenantId,
      requestId: call.requestId,
      at: now().toISOString(),
      type,
      callSid: call.callSid,
      sequence,
      direction: call.direction,
      ...(call.agentId ? { agentId: call.agentId } : {}),
      ...(call.callId ? { callId: call.callId } : {}),
      ...fields,
    });
  };
  return {
    publish,
    recordEnd(call, status, durationSec) {
      publish(call, 'call.completed', SEQUENCE.ended, { status, durationSec });
      if (durationSec <= 0) return;
      runtime.recordUsage({ eventId: `tel_${call.callSid}`, tenantId: call.tenantId, requestId: call.requestId, kind: 'telephony_seconds', quantity: durationSec });
    },
  };
}

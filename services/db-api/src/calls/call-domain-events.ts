import type { Call } from '@vocalia/db';
import { domainEventId, type DomainEventRecord } from '../conversations/domain-events';

/** One `call.started` and one `call.completed` per call, whatever the events that caused them (ids from the call, not the job). */
export const callStartedId = (tenantId: string, callId: string) => domainEventId('call.started', tenantId, callId);
export const callCompletedId = (tenantId: string, callId: string) => domainEventId('call.completed', tenantId, callId);

/** The webhook payload: the whole call as stored (masked numbers, no provider URL), so receivers need no second read. */
function callData(call: Call): Record<string, unknown> {
  return {
    callId: call.id,
    callSid: call.callSid,
    direction: call.direction,
    from: call.fromMasked,
    to: call.to,
    status: call.status,
    agentId: call.agentId,
    conversationId: call.conversationId,
    startedAt: call.startedAt.toISOString(),
    ...(call.endedAt ? { endedAt: call.endedAt.toISOString(), durationSec: call.durationSec, recorded: call.recordingSid !== null } : {}),
  };
}

export function callStarted(call: Call): DomainEventRecord {
  return { id: callStartedId(call.tenantId, call.id), type: 'call.started', data: callData(call) };
}

export function callCompleted(call: Call): DomainEventRecord {
  return { id: callCompletedId(call.tenantId, call.id), type: 'call.completed', data: callData(call) };
}

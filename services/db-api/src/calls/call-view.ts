import type { CallSummary } from '@vocalia/contracts';
import type { Call } from '@vocalia/db';

export function toCallSummary(c: Call): CallSummary {
  return {
    id: c.id,
    callSid: c.callSid,
    direction: c.direction,
    from: c.fromMasked,
    to: c.to,
    status: c.status,
    durationSec: c.durationSec,
    recordingUrl: c.recordingUrl,
    agentId: c.agentId,
    conversationId: c.conversationId,
    startedAt: c.startedAt.toISOString(),
    endedAt: c.endedAt?.toISOString() ?? null,
  };
}

import type { CallSummary } from '@vocalia/contracts';
import type { Call } from '@vocalia/db';

/** The recording is streamed through db-api: the provider's URL never leaves the database. */
export function toCallSummary(c: Call): CallSummary {
  return {
    id: c.id,
    callSid: c.callSid,
    direction: c.direction,
    from: c.fromMasked,
    to: c.to,
    status: c.status,
    durationSec: c.durationSec,
    recordingUrl: c.recordingSid ? `/api/v1/calls/${encodeURIComponent(c.id)}/recording` : null,
    recordingDurationSec: c.recordingDurationSec,
    reason: c.reason,
    agentId: c.agentId,
    conversationId: c.conversationId,
    startedAt: c.startedAt.toISOString(),
    endedAt: c.endedAt?.toISOString() ?? null,
  };
}

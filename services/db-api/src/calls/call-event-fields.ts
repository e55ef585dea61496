import type { CallEventJob } from '@vocalia/contracts';
import type { Call, Prisma } from '@vocalia/db';
import { maskPhoneNumber } from './mask-phone';

// `refused`: telephony-bridge turned the call away before it started (account restricted, phone minutes used up).
const TERMINAL_STATUSES = new Set(['completed', 'busy', 'failed', 'no-answer', 'canceled', 'refused']);
const DEFAULT_STATUS: Record<CallEventJob['type'], string | undefined> = {
  'call.started': 'in-progress',
  'call.status': undefined,
  'call.recording': undefined,
  'call.completed': 'completed',
};

/** `RE` + 32 hex from the recording URL Twilio sent, when the event did not name the SID itself. */
function recordingSidOf(job: CallEventJob): string | undefined {
  return job.recordingSid ?? /\/Recordings\/(RE[0-9a-fA-F]{32})/.exec(job.recordingUrl ?? '')?.[1];
}

export interface CallEventContext {
  agentId: string | null;
  conversationId: string | null;
}

/**
 * What one event changes on its call. A final status is never replaced by an earlier one; numbers are
 * masked before storage (outbound `to` is the callee's); an earlier start moves startedAt back.
 */
export function callEventFields(job: CallEventJob, call: Call, ctx: CallEventContext): Prisma.CallUpdateInput & { endedNow: boolean } {
  const at = new Date(job.at);
  const status = job.status ?? DEFAULT_STATUS[job.type];
  const ended = job.type === 'call.completed' || (status !== undefined && TERMINAL_STATUSES.has(status));
  const keepFinal = TERMINAL_STATUSES.has(call.status) && (status === undefined || !TERMINAL_STATUSES.has(status));
  const direction = call.direction;
  const recordingSid = recordingSidOf(job);
  return {
    endedNow: ended && !call.endedAt,
    ...(job.callSid !== call.callSid ? { callSid: job.callSid } : {}),
    ...(job.from ? { fromMasked: maskPhoneNumber(job.from) } : {}),
    ...(job.to ? { to: direction === 'outbound' ? maskPhoneNumber(job.to) : job.to } : {}),
    ...(status && !keepFinal ? { status } : {}),
    ...(job.durationSec !== undefined ? { durationSec: Math.round(job.durationSec) } : {}),
    ...(job.recordingUrl ? { recordingUrl: job.recordingUrl } : {}),
    ...(recordingSid ? { recordingSid } : {}),
    ...(job.recordingDurationSec !== undefined ? { recordingDurationSec: Math.round(job.recordingDurationSec) } : {}),
    ...(ended && !call.endedAt ? { endedAt: at } : {}),
    ...(job.type === 'call.started' && at < call.startedAt ? { startedAt: at } : {}),
    ...(ctx.agentId && !call.agentId ? { agent: { connect: { id: ctx.agentId } } } : {}),
    ...(ctx.conversationId && !call.conversationId ? { conversation: { connect: { id: ctx.conversationId } } } : {}),
  };
}

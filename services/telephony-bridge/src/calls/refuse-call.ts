import type { ResolvedPhoneNumber } from '@vocalia/contracts';
import type { InboundCallParams } from '../twilio/webhook-params';
import type { CallRefusal } from './call-admission';
import type { CallDeps } from './call-deps';
import { SEQUENCE } from './call-events';
import { PHRASES } from './phrases';
import { sayAndHangUp } from './twiml';

/**
 * A call the tenant may not take: recorded as `refused` (one `call.completed`, nothing billed, no place
 * taken in the tenant's limit), then a short apology in the tenant's language and `<Hangup>`.
 */
export async function refuseCall(deps: CallDeps, params: InboundCallParams, resolved: ResolvedPhoneNumber, refusal: CallRefusal, requestId: string): Promise<string> {
  const call = {
    callSid: params.CallSid,
    tenantId: resolved.tenantId,
    agentId: resolved.agentId,
    direction: 'inbound' as const,
    language: refusal.language,
    settings: resolved.settings,
    startedAt: deps.now(),
    silences: 0,
    slot: params.CallSid,
    requestId,
    ended: true,
    refused: true,
  };
  // Kept ended and refused, so Twilio's status callbacks for it change nothing and bill nothing (held-ends.ts, while Redis is away).
  await deps.calls.save(call);
  deps.logger.warn('call refused before it started', { callSid: params.CallSid, tenantId: resolved.tenantId, reason: refusal.reason });
  deps.events.publish(call, 'call.completed', SEQUENCE.ended, { from: params.From, to: params.To, status: 'refused', durationSec: 0 });
  return sayAndHangUp(refusal.language, PHRASES[refusal.language].unavailable);
}

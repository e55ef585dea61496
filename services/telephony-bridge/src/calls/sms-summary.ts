import type { CallDeps } from './call-deps';
import type { CallState } from './call-store';
import { PHRASES } from './phrases';

/** An SMS stays within two segments. */
const PART_CHARS = 140;

const clip = (text: string) => (text.length > PART_CHARS ? `${text.slice(0, PART_CHARS - 1)}…` : text);

/**
 * When the tenant allows it, the caller gets an SMS from the line they spoke with: the last question
 * and the agent's answer, in the call's language. A failure is logged; the call's end is recorded anyway.
 */
export async function sendSmsSummary(deps: CallDeps, call: CallState): Promise<void> {
  if (!call.settings.smsSummary || !call.callerNumber || !call.lineNumber) return;
  try {
    const exchange = await deps.turns.lastExchange(call.tenantId, call.callSid);
    if (!exchange) return;
    const body = PHRASES[call.language].smsSummary
      .replace('{business}', exchange.businessName)
      .replace('{question}', clip(exchange.question))
      .replace('{answer}', clip(exchange.answer));
    await deps.sms.send({ to: call.callerNumber, from: call.lineNumber, body });
    deps.logger.info('call summary sent by SMS', { callSid: call.callSid, tenantId: call.tenantId });
  } catch (err) {
    deps.logger.warn('call summary SMS not sent', { callSid: call.callSid, error: err instanceof Error ? err.message : String(err) });
  }
}

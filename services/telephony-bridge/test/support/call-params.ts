import { ACCOUNT_SID } from './harness';

/** The form parameters Twilio posts for one call, as its voice webhooks send them. */
export function callParams(callSid: string, to: string, extra: Record<string, string> = {}): Record<string, string> {
  return { CallSid: callSid, AccountSid: ACCOUNT_SID, From: '+33612345678', To: to, CallStatus: 'in-progress', Direction: 'inbound', ApiVersion: '2010-04-01', ...extra };
}

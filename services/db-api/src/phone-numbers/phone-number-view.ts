import { PhoneNumberCapability, type PhoneNumberView } from '@vocalia/contracts';
import type { PhoneNumber } from '@vocalia/db';

export function toPhoneNumberView(row: PhoneNumber): PhoneNumberView {
  return {
    id: row.id,
    number: row.number,
    agentId: row.agentId,
    capabilities: row.capabilities.filter((c): c is PhoneNumberCapability => PhoneNumberCapability.safeParse(c).success),
    createdAt: row.createdAt.toISOString(),
  };
}

/** Twilio spells capabilities `{ voice, SMS, MMS, fax }` on available numbers and `{ voice, sms, mms, fax }` on owned ones. */
export function capabilitiesOf(flags: unknown): PhoneNumberCapability[] {
  if (!flags || typeof flags !== 'object') return [];
  return Object.entries(flags as Record<string, unknown>)
    .filter(([, on]) => on === true)
    .map(([name]) => name.toLowerCase())
    .filter((name): name is PhoneNumberCapability => PhoneNumberCapability.safeParse(name).success);
}

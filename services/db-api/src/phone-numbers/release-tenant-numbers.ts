import type { Deps } from '../deps';
import { requireTwilio } from '../twilio/twilio-account';
import { twilioStatusOf, twilioUpstreamFailed } from './twilio-failure';

/**
 * Before a tenant is erased: releases each of its Twilio numbers (one Twilio already forgot counts), so
 * none keeps costing the platform. Throws (nothing erased yet) when Twilio refuses, so the erase can be retried.
 */
export async function releaseTenantNumbers(deps: Deps, tenantId: string): Promise<void> {
  const rows = await deps.prisma.phoneNumber.findMany({ where: { tenantId, twilioSid: { not: null } }, select: { twilioSid: true } });
  if (!rows.length) return;
  const { client } = requireTwilio(deps.twilio);
  for (const row of rows) {
    try {
      await client.incomingPhoneNumbers(row.twilioSid as string).remove();
    } catch (err) {
      if (twilioStatusOf(err) !== 404) throw twilioUpstreamFailed('release the tenant\'s numbers', err);
    }
  }
}

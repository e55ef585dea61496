import { notFound } from '@vocalia/service-kit';
import type { Deps } from '../deps';
import { actorOf, type AuthContext } from '../access/auth-context';
import { recordAudit } from '../audit/record-audit';
import { publishTenantUpdated } from '../tenants/publish-tenant-updated';
import { requireTwilio } from '../twilio/twilio-account';
import { twilioStatusOf, twilioUpstreamFailed } from './twilio-failure';

/**
 * Releases the number on Twilio (one Twilio already forgot counts as released), then forgets it. A number
 * carried over from the former free list (no Twilio SID) is only forgotten.
 */
export async function releasePhoneNumber(deps: Deps, auth: AuthContext, id: string): Promise<void> {
  const row = await deps.prisma.phoneNumber.findFirst({ where: { id, tenantId: auth.tenantId } });
  if (!row) throw notFound('Phone number');
  if (row.twilioSid) {
    const { client } = requireTwilio(deps.twilio);
    try {
      await client.incomingPhoneNumbers(row.twilioSid).remove();
    } catch (err) {
      if (twilioStatusOf(err) !== 404) throw twilioUpstreamFailed('release the number', err);
    }
  }
  await deps.prisma.phoneNumber.deleteMany({ where: { id: row.id, tenantId: auth.tenantId } });
  await recordAudit(deps, { tenantId: auth.tenantId, actor: actorOf(auth), action: 'phone_number.released', target: `phone_number:${row.id}`, meta: { twilioSid: row.twilioSid } });
  await publishTenantUpdated(deps, auth.tenantId, 'settings');
}

import type { BuyPhoneNumberRequest, PhoneNumberView } from '@vocalia/contracts';
import { AppError } from '@vocalia/service-kit';
import type { Deps } from '../deps';
import { actorOf, type AuthContext } from '../access/auth-context';
import { recordAudit } from '../audit/record-audit';
import { publishTenantUpdated } from '../tenants/publish-tenant-updated';
import { requireTwilio } from '../twilio/twilio-account';
import { isUniqueViolation } from '../unique-violation';
import { ownAgentId } from './own-agent';
import { capabilitiesOf, toPhoneNumberView } from './phone-number-view';
import { twilioStatusOf, twilioUpstreamFailed } from './twilio-failure';

/** Numbers cost money every month: a tenant holds at most this many. */
const MAX_PHONE_NUMBERS_PER_TENANT = 20;

const taken = (number: string) => new AppError('CONFLICT', `${number} is not available`);

/**
 * Buys the number on the platform's Twilio account with our voice and status webhooks set, then stores it
 * for the tenant. If storing loses a race for the number, the purchase is released again.
 */
export async function buyPhoneNumber(deps: Deps, auth: AuthContext, input: BuyPhoneNumberRequest): Promise<PhoneNumberView> {
  const { client } = requireTwilio(deps.twilio);
  const agentId = await ownAgentId(deps, auth.tenantId, input.agentId);
  if (await deps.prisma.phoneNumber.findUnique({ where: { number: input.number }, select: { id: true } })) throw taken(input.number);
  if ((await deps.prisma.phoneNumber.count({ where: { tenantId: auth.tenantId } })) >= MAX_PHONE_NUMBERS_PER_TENANT) {
    throw new AppError('CONFLICT', `A tenant holds at most ${MAX_PHONE_NUMBERS_PER_TENANT} numbers; release one first`);
  }
  const base = deps.env.PUBLIC_BASE_URL.replace(/\/+$/, '');
  let bought;
  try {
    bought = await client.incomingPhoneNumbers.create({
      phoneNumber: input.number,
      voiceUrl: `${base}/voice/inbound`,
      voiceMethod: 'POST',
      statusCallback: `${base}/voice/status`,
      statusCallbackMethod: 'POST',
    });
  } catch (err) {
    if (twilioStatusOf(err) === 400) throw taken(input.number);
    throw twilioUpstreamFailed('buy the number', err);
  }
  let row;
  try {
    row = await deps.prisma.phoneNumber.create({
      data: { tenantId: auth.tenantId, number: input.number, agentId, twilioSid: bought.sid, capabilities: capabilitiesOf(bought.capabilities) },
    });
  } catch (err) {
    if (!isUniqueViolation(err)) throw err;
    await client.incomingPhoneNumbers(bought.sid).remove().catch((e: unknown) => deps.logger.error('a number bought twice could not be released', { twilioSid: bought.sid, status: twilioStatusOf(e) }));
    throw taken(input.number);
  }
  await recordAudit(deps, { tenantId: auth.tenantId, actor: actorOf(auth), action: 'phone_number.bought', target: `phone_number:${row.id}`, meta: { twilioSid: bought.sid, agentId } });
  await publishTenantUpdated(deps, auth.tenantId, 'settings');
  return toPhoneNumberView(row);
}

import type { PhoneNumberView, UpdatePhoneNumberRequest } from '@vocalia/contracts';
import { notFound } from '@vocalia/service-kit';
import type { Deps } from '../deps';
import { actorOf, type AuthContext } from '../access/auth-context';
import { recordAudit } from '../audit/record-audit';
import { publishTenantUpdated } from '../tenants/publish-tenant-updated';
import { ownAgentId } from './own-agent';
import { toPhoneNumberView } from './phone-number-view';

/** Names the agent that answers the number (null: the tenant's default agent). */
export async function updatePhoneNumber(deps: Deps, auth: AuthContext, id: string, input: UpdatePhoneNumberRequest): Promise<PhoneNumberView> {
  const existing = await deps.prisma.phoneNumber.findFirst({ where: { id, tenantId: auth.tenantId } });
  if (!existing) throw notFound('Phone number');
  const agentId = await ownAgentId(deps, auth.tenantId, input.agentId);
  const row = await deps.prisma.phoneNumber.update({ where: { id: existing.id }, data: { agentId } });
  await recordAudit(deps, { tenantId: auth.tenantId, actor: actorOf(auth), action: 'phone_number.updated', target: `phone_number:${row.id}`, meta: { agentId } });
  await publishTenantUpdated(deps, auth.tenantId, 'settings');
  return toPhoneNumberView(row);
}

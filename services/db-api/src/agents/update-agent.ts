import type { AgentResponse, AgentTool, Language, UpdateAgentRequest } from '@vocalia/contracts';
import { AppError, notFound } from '@vocalia/service-kit';
import type { Deps } from '../deps';
import { actorOf, type AuthContext } from '../access/auth-context';
import { recordAudit } from '../audit/record-audit';
import { publishTenantUpdated } from '../tenants/publish-tenant-updated';
import { loadTenantPlan } from '../usage/load-tenant-plan';
import { lockTenantWrites } from '../usage/tenant-write-lock';
import { toAgentResponse } from './agent-view';
import { checkAgentFields } from './check-agent-fields';

/** Changes the fields sent. Making an agent the default unsets the previous one; the default cannot be unset directly. */
export async function updateAgent(deps: Deps, auth: AuthContext, id: string, input: UpdateAgentRequest): Promise<AgentResponse> {
  const { tenantId } = auth;
  const agent = await deps.prisma.$transaction(async (tx) => {
    await lockTenantWrites(tx, tenantId, 'agents');
    const current = await tx.agent.findFirst({ where: { id, tenantId } });
    if (!current) throw notFound('Agent');
    const plan = await loadTenantPlan(tx, tenantId);
    checkAgentFields(plan, {
      personaId: input.personaId ?? current.personaId,
      languages: input.languages ?? (current.languages as Language[]),
      greeting: input.greeting ?? (current.greeting as Partial<Record<Language, string>>),
      tools: input.tools ?? (current.tools as AgentTool[]),
    });
    if (input.isDefault === false && current.isDefault) {
      throw new AppError('CONFLICT', 'A tenant always has one default agent: make another agent the default instead');
    }
    if (input.isDefault === true && !current.isDefault) {
      await tx.agent.updateMany({ where: { tenantId, isDefault: true }, data: { isDefault: false } });
    }
    return tx.agent.update({ where: { id: current.id }, data: { ...input } });
  });
  await recordAudit(deps, { tenantId, actor: actorOf(auth), action: 'agent.updated', target: `agent:${agent.id}`, meta: { fields: Object.keys(input) } });
  await publishTenantUpdated(deps, tenantId, 'agents');
  return toAgentResponse(agent);
}

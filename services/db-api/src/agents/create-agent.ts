import { PLANS, type AgentResponse, type CreateAgentRequest } from '@vocalia/contracts';
import type { Deps } from '../deps';
import type { AuthContext } from '../access/auth-context';
import { actorOf } from '../access/auth-context';
import { recordAudit } from '../audit/record-audit';
import { publishTenantUpdated } from '../tenants/publish-tenant-updated';
import { loadTenantPlan } from '../usage/load-tenant-plan';
import { quotaExceeded } from '../usage/quota-exceeded';
import { lockTenantWrites } from '../usage/tenant-write-lock';
import { toAgentResponse } from './agent-view';
import { checkAgentFields } from './check-agent-fields';

/** Creates an agent within the plan's quota; the tenant's first agent, or one sent with isDefault, becomes the default. */
export async function createAgent(deps: Deps, auth: AuthContext, input: CreateAgentRequest): Promise<AgentResponse> {
  const { tenantId } = auth;
  const agent = await deps.prisma.$transaction(async (tx) => {
    await lockTenantWrites(tx, tenantId, 'agents');
    const plan = await loadTenantPlan(tx, tenantId);
    checkAgentFields(plan, input);
    const count = await tx.agent.count({ where: { tenantId } });
    const limit = PLANS[plan].quotas.agents;
    if (count >= limit) throw quotaExceeded(plan, 'agents', `Your plan allows ${limit} agent${limit > 1 ? 's' : ''}`);
    const isDefault = count === 0 || input.isDefault === true;
    if (isDefault) await tx.agent.updateMany({ where: { tenantId, isDefault: true }, data: { isDefault: false } });
    return tx.agent.create({
      data: {
        tenantId,
        name: input.name,
        personaId: input.personaId,
        languages: input.languages,
        voice: input.voice ?? null,
        greeting: input.greeting,
        instructions: input.instructions,
        tools: input.tools,
        transferNumber: input.transferNumber ?? null,
        isDefault,
      },
    });
  });
  await recordAudit(deps, { tenantId, actor: actorOf(auth), action: 'agent.created', target: `agent:${agent.id}` });
  await publishTenantUpdated(deps, tenantId, 'agents');
  return toAgentResponse(agent);
}

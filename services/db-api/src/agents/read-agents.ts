import type { AgentListResponse, AgentResponse } from '@vocalia/contracts';
import { notFound } from '@vocalia/service-kit';
import type { Deps } from '../deps';
import { toAgentResponse } from './agent-view';

/** A tenant has a handful of agents (plan quota <= 10): listed whole, default first. */
export async function listAgents(deps: Deps, tenantId: string): Promise<AgentListResponse> {
  const agents = await deps.prisma.agent.findMany({ where: { tenantId }, orderBy: [{ isDefault: 'desc' }, { createdAt: 'asc' }, { id: 'asc' }] });
  return { items: agents.map(toAgentResponse) };
}

export async function getAgent(deps: Deps, tenantId: string, id: string): Promise<AgentResponse> {
  const agent = await deps.prisma.agent.findFirst({ where: { id, tenantId } });
  if (!agent) throw notFound('Agent');
  return toAgentResponse(agent);
}

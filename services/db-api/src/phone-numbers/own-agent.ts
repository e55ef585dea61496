import { AppError } from '@vocalia/service-kit';
import type { Deps } from '../deps';

/** The agent id if it is one of the tenant's agents; else 400 naming `body.agentId` (another tenant's id reads as unknown). */
export async function ownAgentId(deps: Deps, tenantId: string, agentId: string | null | undefined): Promise<string | null> {
  if (!agentId) return null;
  const agent = await deps.prisma.agent.findFirst({ where: { id: agentId, tenantId }, select: { id: true } });
  if (!agent) throw new AppError('VALIDATION_FAILED', 'body.agentId: no such agent in this tenant', { errors: [{ path: 'body.agentId', message: 'no such agent in this tenant', rule: 'invalid_choice' }] });
  return agent.id;
}

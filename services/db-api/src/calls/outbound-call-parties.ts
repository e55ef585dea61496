import { AppError } from '@vocalia/service-kit';
import type { Deps } from '../deps';

const invalid = (path: string, message: string) => new AppError('VALIDATION_FAILED', `${path}: ${message}`, { errors: [{ path, message }] });

/**
 * The caller ID and the agent of an outbound call: `from` must be one of the tenant's numbers (default: a
 * number of the agent, else the oldest), the agent one of its agents (default: the number's, else the default agent).
 */
export async function outboundCallParties(deps: Deps, tenantId: string, input: { from?: string; agentId?: string }): Promise<{ from: string; agentId: string }> {
  const db = deps.prisma;
  if (input.agentId && !(await db.agent.findFirst({ where: { id: input.agentId, tenantId }, select: { id: true } }))) throw invalid('body.agentId', 'no such agent in this tenant');
  const numbers = await db.phoneNumber.findMany({ where: { tenantId }, orderBy: [{ createdAt: 'asc' }, { id: 'asc' }], select: { number: true, agentId: true } });
  if (!numbers.length) throw new AppError('CONFLICT', 'The tenant has no phone number to call from; buy one with POST /api/v1/phone-numbers');
  const line = input.from ? numbers.find((n) => n.number === input.from) : (numbers.find((n) => input.agentId && n.agentId === input.agentId) ?? numbers[0]);
  if (!line) throw invalid('body.from', 'not one of the tenant\'s numbers');
  const agentId =
    input.agentId ??
    line.agentId ??
    (await db.agent.findFirst({ where: { tenantId }, orderBy: [{ isDefault: 'desc' }, { createdAt: 'asc' }, { id: 'asc' }], select: { id: true } }))?.id;
  if (!agentId) throw new AppError('CONFLICT', 'The tenant has no agent to place the call; create one with POST /api/v1/agents');
  return { from: line.number, agentId };
}

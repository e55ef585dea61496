import type { TenantSnapshot } from '@vocalia/contracts';

/**
 * The snapshot as the chosen agent sees it: `agentId` when it is one of the tenant's agents, else
 * the default one (an unknown or deleted id falls back). The cached snapshot is never changed.
 */
export function withChosenAgent(snapshot: TenantSnapshot, agentId: string | undefined): TenantSnapshot {
  if (agentId === undefined || agentId === snapshot.agent?.id) return snapshot;
  const chosen = snapshot.agents?.find((agent) => agent.id === agentId);
  return chosen ? Object.assign({}, snapshot, { agent: chosen }) : snapshot;
}

import type { IntegrationList } from '@vocalia/contracts';
import type { Deps } from '../deps';
import { toIntegrationView } from './integration-view';

export async function listIntegrations(deps: Deps, tenantId: string): Promise<IntegrationList> {
  const rows = await deps.prisma.integrationConnection.findMany({ where: { tenantId }, orderBy: { createdAt: 'asc' } });
  return { items: rows.map((r) => toIntegrationView(r, deps.env.PUBLIC_BASE_URL)) };
}

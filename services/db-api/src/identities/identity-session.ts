import type { SessionResponse } from '@vocalia/contracts';
import type { Prisma, Tenant } from '@vocalia/db';
import type { Deps } from '../deps';
import { issueTokens } from '../credentials/issue-tokens';
import { toTenantSummary } from '../tenants/tenant-summary';

/** The session password login returns (`SessionResponse`), for a user in one of their tenants. */
export async function identitySession(
  deps: Pick<Deps, 'env' | 'jwt' | 'clock'>,
  db: Prisma.TransactionClient,
  user: { id: string; email: string },
  tenant: Tenant,
): Promise<SessionResponse> {
  const tokens = await issueTokens(deps, db, { userId: user.id, tenantId: tenant.id });
  return {
    user: { id: user.id, email: user.email },
    tenant: toTenantSummary(tenant),
    accessToken: tokens.accessToken,
    refreshToken: tokens.refreshToken,
    expiresIn: tokens.expiresIn,
  };
}

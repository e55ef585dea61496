import type { MeResponse } from '@vocalia/contracts';
import { notFound } from '@vocalia/service-kit';
import type { Deps } from '../deps';
import { toTenantSummary } from '../tenants/tenant-summary';
import type { AuthContext } from '../access/auth-context';

/** The caller: user (null for an API key), current tenant and role, and every tenant the user belongs to. */
export async function getMe(deps: Deps, auth: AuthContext): Promise<MeResponse> {
  const tenant = await deps.prisma.tenant.findUnique({ where: { id: auth.tenantId } });
  if (!tenant) throw notFound('Tenant');
  const user = auth.userId
    ? await deps.prisma.user.findUnique({
        where: { id: auth.userId },
        include: { memberships: { orderBy: { createdAt: 'asc' }, include: { tenant: { select: { name: true } } } } },
      })
    : null;
  return {
    user: user ? { id: user.id, email: user.email, name: user.name, emailVerified: user.emailVerifiedAt !== null } : null,
    tenant: toTenantSummary(tenant),
    role: auth.role,
    via: auth.via,
    memberships: (user?.memberships ?? []).map((m) => ({ tenantId: m.tenantId, tenantName: m.tenant.name, role: m.role })),
  };
}

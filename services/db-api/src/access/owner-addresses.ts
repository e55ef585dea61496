import type { Deps } from '../deps';

/** The email addresses of the tenant's owners: billing and webhook notices go to them. */
export async function ownerAddresses(deps: Pick<Deps, 'prisma'>, tenantId: string): Promise<string[]> {
  const owners = await deps.prisma.membership.findMany({ where: { tenantId, role: 'owner' }, select: { user: { select: { email: true } } } });
  return owners.map((o) => o.user.email);
}

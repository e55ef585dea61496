import type { MemberList } from '@vocalia/contracts';
import type { Deps } from '../deps';
import { toMember } from './member-view';

export async function listMembers(deps: Deps, tenantId: string): Promise<MemberList> {
  const rows = await deps.prisma.membership.findMany({
    where: { tenantId },
    include: { user: { select: { email: true, name: true } } },
    orderBy: { createdAt: 'asc' },
  });
  return { items: rows.map(toMember) };
}

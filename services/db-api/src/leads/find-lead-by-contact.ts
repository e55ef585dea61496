import type { Lead } from '@vocalia/db';
import type { Deps } from '../deps';

const digits = (v: string) => v.replace(/\D/g, '');

/** The tenant's newest lead with this email (any case) or this phone number (same last 9 digits, however written). */
export async function findLeadByContact(deps: Deps, tenantId: string, contact: { email: string | null; phone: string | null }): Promise<Lead | null> {
  const tail = contact.phone ? digits(contact.phone).slice(-9) : null;
  const or = [
    ...(contact.email ? [{ email: { equals: contact.email, mode: 'insensitive' as const } }] : []),
    ...(tail ? [{ phone: { endsWith: tail.slice(-4) } }] : []),
  ];
  if (!or.length) return null;
  const candidates = await deps.prisma.lead.findMany({ where: { tenantId, OR: or }, orderBy: { createdAt: 'desc' }, take: 50 });
  return (
    candidates.find((l) => contact.email && l.email?.toLowerCase() === contact.email) ??
    candidates.find((l) => tail && l.phone && digits(l.phone).slice(-9) === tail) ??
    null
  );
}

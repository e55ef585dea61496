import { Language, type SocialProofResponse } from '@vocalia/contracts';
import { notFound } from '@vocalia/service-kit';
import type { Deps } from '../deps';
import { ACTIVITY_TEXTS, type ActivityKind } from './activity-texts';

/** The latest real events (conversations started, bookings, qualified leads), newest first, anonymised. */
export async function listActivity(deps: Deps, tenantId: string, limit: number, language?: Language): Promise<SocialProofResponse> {
  const tenant = await deps.prisma.tenant.findUnique({ where: { id: tenantId }, select: { defaultLanguage: true } });
  if (!tenant) throw notFound('Tenant');
  const lang = language ?? Language.catch('fr').parse(tenant.defaultLanguage);
  const [conversations, bookings, leads] = await Promise.all([
    deps.prisma.conversation.findMany({ where: { tenantId }, orderBy: { startedAt: 'desc' }, take: limit, select: { startedAt: true } }),
    deps.prisma.booking.findMany({ where: { tenantId, status: { not: 'cancelled' } }, orderBy: { createdAt: 'desc' }, take: limit, select: { createdAt: true } }),
    deps.prisma.lead.findMany({ where: { tenantId, status: { in: ['qualified', 'won'] } }, orderBy: { createdAt: 'desc' }, take: limit, select: { createdAt: true } }),
  ]);
  const events: { kind: ActivityKind; at: Date }[] = [
    ...conversations.map((c) => ({ kind: 'conversation' as const, at: c.startedAt })),
    ...bookings.map((b) => ({ kind: 'booking' as const, at: b.createdAt })),
    ...leads.map((l) => ({ kind: 'lead' as const, at: l.createdAt })),
  ];
  events.sort((a, b) => b.at.getTime() - a.at.getTime());
  return { items: events.slice(0, limit).map((e) => ({ kind: e.kind, text: ACTIVITY_TEXTS[e.kind][lang], at: e.at.toISOString() })) };
}

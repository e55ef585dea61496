import { HubSpotEvent } from '@vocalia/contracts';
import type { Lead, Prisma } from '@vocalia/db';
import type { Deps } from '../deps';
import { upsertSourceLead } from './upsert-source-lead';

/** HubSpot contact property -> the lead field it fills. */
function change(lead: Lead | null, property: string, value: string): Prisma.LeadUpdateInput {
  switch (property) {
    case 'email':
      return { email: value.trim().toLowerCase() || null };
    case 'phone':
    case 'mobilephone':
      return { phone: value.trim() || null };
    case 'firstname':
      return { name: [value.trim(), lead?.name?.split(' ').slice(1).join(' ')].filter(Boolean).join(' ') || null };
    case 'lastname':
      return { name: [lead?.name?.split(' ')[0], value.trim()].filter(Boolean).join(' ') || null };
    default:
      return {};
  }
}

/** `contact.creation` makes a lead, `contact.propertyChange` (email, phone, names) fills it, `contact.deletion` marks it lost. */
export async function applyHubSpotEvent(deps: Deps, tenantId: string, payload: unknown): Promise<string> {
  const parsed = HubSpotEvent.safeParse(payload);
  if (!parsed.success || !parsed.data.objectId) return 'invalid_payload';
  const event = parsed.data;
  const source = { provider: 'hubspot' as const, id: event.objectId! };
  switch (event.subscriptionType) {
    case 'contact.creation':
      await upsertSourceLead(deps, tenantId, source, () => ({}));
      return 'lead_created';
    case 'contact.propertyChange':
      if (!event.propertyName || event.propertyValue === undefined) return 'ignored';
      await upsertSourceLead(deps, tenantId, source, (lead) => change(lead, event.propertyName!, event.propertyValue!));
      return 'lead_updated';
    case 'contact.deletion':
      await deps.prisma.lead.updateMany({ where: { tenantId, sourceProvider: 'hubspot', sourceId: source.id }, data: { status: 'lost' } });
      return 'lead_lost';
    default:
      return 'ignored';
  }
}

import { z } from 'zod';
import { KlaviyoWebhookEvent } from '@vocalia/contracts';
import type { Deps } from '../deps';
import { upsertSourceLead } from './upsert-source-lead';

const Profile = z.looseObject({
  type: z.literal('profile'),
  id: z.string().min(1),
  attributes: z.looseObject({ email: z.string().nullish(), phone_number: z.string().nullish(), first_name: z.string().nullish(), last_name: z.string().nullish() }),
});

/**
 * A profile that subscribes to the tenant's email or SMS marketing (`event:klaviyo.subscribed_to_*`) becomes a lead
 * (one per Klaviyo profile); its missing email, phone and name are filled from the profile. Other topics are stored only.
 */
export async function applyKlaviyoEvent(deps: Deps, tenantId: string, payload: unknown): Promise<string> {
  const parsed = KlaviyoWebhookEvent.safeParse(payload);
  if (!parsed.success) return 'invalid_payload';
  if (!/^event:klaviyo\.subscribed_to_/.test(parsed.data.topic)) return 'ignored';
  const included = (parsed.data.payload as { included?: unknown[] }).included ?? [];
  const profile = included.map((i) => Profile.safeParse(i)).find((p) => p.success)?.data;
  if (!profile) return 'no_profile';
  const a = profile.attributes;
  const name = [a.first_name, a.last_name].filter(Boolean).join(' ') || null;
  await upsertSourceLead(deps, tenantId, { provider: 'klaviyo', id: profile.id }, (lead) => ({
    email: lead?.email ?? a.email?.toLowerCase() ?? null,
    phone: lead?.phone ?? a.phone_number ?? null,
    name: lead?.name ?? name,
  }));
  return 'lead_subscribed';
}

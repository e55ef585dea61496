import type { Tenant } from '@vocalia/db';
import { Language, type TenantSettings } from '@vocalia/contracts';

const asLanguage = (value: string) => Language.catch('fr').parse(value);

export function toTenantSettings(tenant: Tenant): TenantSettings {
  return {
    id: tenant.id,
    name: tenant.name,
    slug: tenant.slug,
    sector: tenant.sector,
    plan: tenant.plan,
    status: tenant.status,
    trialEndsAt: tenant.trialEndsAt?.toISOString() ?? null,
    defaultLanguage: asLanguage(tenant.defaultLanguage),
    languages: tenant.languages.map(asLanguage),
    currency: tenant.currency,
    timezone: tenant.timezone,
    phoneNumbers: tenant.phoneNumbers,
    leadThreshold: tenant.leadThreshold,
    createdAt: tenant.createdAt.toISOString(),
    updatedAt: tenant.updatedAt.toISOString(),
  };
}

import type { Tenant } from '@vocalia/db';
import { Language, type TenantSettings } from '@vocalia/contracts';
import { toTenantCallSettings } from './call-settings';

const asLanguage = (value: string) => Language.catch('fr').parse(value);

/** `phoneNumbers`: the tenant's numbers from the phone_numbers table, oldest first. */
export function toTenantSettings(tenant: Tenant, phoneNumbers: string[]): TenantSettings {
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
    phoneNumbers,
    leadThreshold: tenant.leadThreshold,
    callSettings: toTenantCallSettings(tenant),
    createdAt: tenant.createdAt.toISOString(),
    updatedAt: tenant.updatedAt.toISOString(),
  };
}

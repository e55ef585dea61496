import { z } from 'zod';
import { Language } from '../languages';
import { PlanId } from '../plans';
import { IsoDateTime } from './db-api-common';
import { TenantStatusName } from './db-api-auth';
import { TenantCallSettings, UpdateCallSettingsRequest } from './db-api-telephony';

/** ISO 4217 codes as three uppercase letters; db-api also checks that Intl knows the currency. */
export const CurrencyCode = z.string().trim().toUpperCase().regex(/^[A-Z]{3}$/, 'must be an ISO 4217 code such as EUR');
/** An IANA time zone name (`Africa/Casablanca`); db-api checks it with Intl. */
export const TimeZoneName = z.string().trim().min(1).max(64);

export const TenantSettings = z.object({
  id: z.string(),
  name: z.string(),
  slug: z.string(),
  sector: z.string().nullable(),
  plan: PlanId,
  status: TenantStatusName,
  trialEndsAt: IsoDateTime.nullable(),
  defaultLanguage: Language,
  languages: z.array(Language),
  currency: z.string(),
  timezone: z.string(),
  /** The tenant's numbers (bought through `/api/v1/phone-numbers`), oldest first. */
  phoneNumbers: z.array(z.string()),
  leadThreshold: z.number().int().min(0).max(100),
  callSettings: TenantCallSettings,
  createdAt: IsoDateTime,
  updatedAt: IsoDateTime,
});
export type TenantSettings = z.infer<typeof TenantSettings>;

export const UpdateTenantRequest = z
  .object({
    name: z.string().trim().min(2).max(120),
    sector: z.string().trim().max(80).nullable(),
    defaultLanguage: Language,
    languages: z.array(Language).min(1).max(5),
    currency: CurrencyCode,
    timezone: TimeZoneName,
    leadThreshold: z.number().int().min(0).max(100),
    /** Fields left out keep their value. Numbers are not set here: they are bought through `/api/v1/phone-numbers`. */
    callSettings: UpdateCallSettingsRequest,
  })
  .partial()
  .strict();
export type UpdateTenantRequest = z.infer<typeof UpdateTenantRequest>;

import { Language, planHasFeature, WIDGET_DEFAULT_BRANDING, WidgetBranding, WidgetSettingsResponse, type PlanId } from '@vocalia/contracts';
import type { Tenant } from '@vocalia/db';
import { z } from 'zod';

/** What Tenant.widget holds; every field optional, so older rows and `{}` read with defaults. */
export const StoredWidget = z.object({
  branding: WidgetBranding.partial().catch({}),
  languages: z.array(Language).min(1).optional().catch(undefined),
  greeting: z.partialRecord(Language, z.string()).catch({}),
  ecommerce: z.boolean().catch(false),
}).partial().catch({});
export type StoredWidget = z.infer<typeof StoredWidget>;

type TenantWidgetFields = Pick<Tenant, 'widget' | 'languages' | 'defaultLanguage'> & { plan: PlanId };

function tenantLanguages(tenant: TenantWidgetFields): Language[] {
  const own = tenant.languages.filter((l): l is Language => Language.safeParse(l).success);
  return own.length ? own : [Language.catch('fr').parse(tenant.defaultLanguage)];
}

/**
 * The widget settings in force: stored values over defaults. Without custom_branding the
 * "Powered by" line always shows; without product_catalog e-commerce mode is off.
 */
export function effectiveWidgetSettings(tenant: TenantWidgetFields): WidgetSettingsResponse {
  const stored = StoredWidget.parse(tenant.widget);
  const branding = { ...WIDGET_DEFAULT_BRANDING, ...stored.branding };
  if (!planHasFeature(tenant.plan, 'custom_branding')) branding.showPoweredBy = true;
  return WidgetSettingsResponse.parse({
    branding,
    languages: stored.languages ?? tenantLanguages(tenant),
    greeting: stored.greeting ?? {},
    ecommerce: (stored.ecommerce ?? false) && planHasFeature(tenant.plan, 'product_catalog'),
  });
}

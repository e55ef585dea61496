import { cheapestPlanWith, planHasFeature, type Feature, type Language, type UpdateWidgetRequest, type WidgetSettingsResponse } from '@vocalia/contracts';
import { AppError, notFound } from '@vocalia/service-kit';
import type { Deps } from '../deps';
import { actorOf, type AuthContext } from '../access/auth-context';
import { recordAudit } from '../audit/record-audit';
import { publishTenantUpdated } from '../tenants/publish-tenant-updated';
import { enqueueTenantUpdated, recordTenantUpdated } from '../tenants/record-tenant-updated';
import { effectiveWidgetSettings, StoredWidget } from './widget-settings';

function planRequired(feature: Feature, what: string): AppError {
  return new AppError('PLAN_REQUIRED', `${what} needs the ${feature} feature, not in your plan`, { feature, requiredPlan: cheapestPlanWith(feature) });
}

/** Merges the fields sent into the stored settings (the others keep their value). */
export async function updateWidget(deps: Deps, auth: AuthContext, input: UpdateWidgetRequest): Promise<WidgetSettingsResponse> {
  const tenant = await deps.prisma.tenant.findUnique({ where: { id: auth.tenantId }, select: { widget: true, languages: true, defaultLanguage: true, plan: true } });
  if (!tenant) throw notFound('Tenant');
  if (input.showPoweredBy === false && !planHasFeature(tenant.plan, 'custom_branding')) throw planRequired('custom_branding', 'Hiding "Powered by VocalIA"');
  if (input.ecommerce === true && !planHasFeature(tenant.plan, 'product_catalog')) throw planRequired('product_catalog', 'E-commerce mode');
  const stored = StoredWidget.parse(tenant.widget);
  const current = effectiveWidgetSettings(tenant);
  const { languages, greeting, ecommerce, logoUrl, ...branding } = input;
  const nextLanguages = languages ?? current.languages;
  const nextGreeting = greeting ?? current.greeting;
  const stray = (Object.keys(nextGreeting) as Language[]).filter((l) => !nextLanguages.includes(l));
  if (stray.length) {
    const errors = stray.map((l) => ({ path: `body.greeting.${l}`, message: `greeting in ${l}, which is not one of the widget's languages`, rule: 'language_not_listed' as const }));
    throw new AppError('VALIDATION_FAILED', errors.map((e) => `${e.path}: ${e.message}`).join('; '), { errors });
  }
  const nextBranding = { ...stored.branding, ...branding, ...(logoUrl === null ? { logoUrl: undefined } : logoUrl ? { logoUrl } : {}) };
  // Languages and greetings never set here keep following the tenant's own (undefined drops out of the JSON).
  const widget = JSON.parse(JSON.stringify({ branding: nextBranding, languages: languages ?? stored.languages, greeting: greeting ?? stored.greeting, ecommerce: ecommerce ?? stored.ecommerce ?? false }));
  const fields = Object.keys(input).map((k) => `widget.${k}`);
  const { updated, eventId } = await deps.prisma.$transaction(async (tx) => {
    const row = await tx.tenant.update({ where: { id: auth.tenantId }, data: { widget }, select: { widget: true, languages: true, defaultLanguage: true, plan: true } });
    return { updated: row, eventId: fields.length ? await recordTenantUpdated(tx, auth.tenantId, { what: 'widget', fields }, deps.clock()) : undefined };
  });
  if (eventId) await enqueueTenantUpdated(deps, auth.tenantId, eventId);
  await recordAudit(deps, { tenantId: auth.tenantId, actor: actorOf(auth), action: 'widget.updated', meta: { fields: Object.keys(input) } });
  await publishTenantUpdated(deps, auth.tenantId, 'widget');
  return effectiveWidgetSettings(updated);
}

import type { WidgetSettingsResponse } from '@vocalia/contracts';
import { notFound } from '@vocalia/service-kit';
import type { Deps } from '../deps';
import { effectiveWidgetSettings } from './widget-settings';

export async function getWidget(deps: Deps, tenantId: string): Promise<WidgetSettingsResponse> {
  const tenant = await deps.prisma.tenant.findUnique({ where: { id: tenantId }, select: { widget: true, languages: true, defaultLanguage: true, plan: true } });
  if (!tenant) throw notFound('Tenant');
  return effectiveWidgetSettings(tenant);
}

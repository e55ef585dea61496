import type { Language, TenantSnapshot, WidgetConfigResponse } from '@vocalia/contracts';
import type { SessionTokens } from '../session-token';

export interface WidgetConfigDeps {
  sessionTokens: SessionTokens;
  /** A key for a realtime speech model is configured on this deployment. */
  realtimeConfigured: boolean;
}

/** What the widget needs to render and talk, plus a session token bound to this tenant and page origin. */
export function getWidgetConfig(deps: WidgetConfigDeps, snapshot: TenantSnapshot, origin: string): WidgetConfigResponse {
  const { tenant, widget, agent } = snapshot;
  const has = (feature: (typeof tenant.features)[number]) => tenant.features.includes(feature);
  const preferred = widget.languages.includes(tenant.defaultLanguage) ? tenant.defaultLanguage : (widget.languages[0] as Language);
  const languages = has('multi_language') ? widget.languages : [preferred];
  return {
    tenantId: tenant.id,
    name: tenant.name,
    plan: tenant.plan,
    features: tenant.features,
    languages,
    defaultLanguage: preferred,
    greeting: { ...agent?.greeting, ...widget.greeting },
    currency: tenant.currency,
    // Without custom_branding the "powered by" line stays, whatever the stored setting says.
    branding: { ...widget.branding, showPoweredBy: widget.branding.showPoweredBy || !has('custom_branding') },
    ecommerce: widget.ecommerce && has('product_catalog'),
    voice: { browser: has('widget_voice'), realtime: has('cloud_voice') && deps.realtimeConfigured },
    session: deps.sessionTokens.issue({ tenantId: tenant.id, origin }),
  };
}

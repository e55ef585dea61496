import type { Language, TenantSnapshot, WidgetConfigResponse } from '@vocalia/contracts';
import type { SessionTokens } from '@vocalia/widget-auth';
import { withChosenAgent } from '@vocalia/conversation';

export interface WidgetConfigDeps {
  sessionTokens: SessionTokens;
  /** The realtime service serves `/realtime` sessions right now. */
  realtimeReady: boolean;
}

/** The widget's languages that the agent speaks (all of the widget's when they share none). */
function spokenLanguages(widgetLanguages: Language[], agentLanguages: Language[] | undefined): Language[] {
  const shared = widgetLanguages.filter((language) => agentLanguages?.includes(language) ?? true);
  return shared.length ? shared : widgetLanguages;
}

/** What the widget needs to render and talk (as the chosen agent), plus a session token bound to this tenant and page origin (marked when it is the dashboard's preview). */
export function getWidgetConfig(deps: WidgetConfigDeps, tenantSnapshot: TenantSnapshot, page: { origin: string; preview: boolean }, agentId?: string): WidgetConfigResponse {
  const { tenant, widget, agent } = withChosenAgent(tenantSnapshot, agentId);
  const has = (feature: (typeof tenant.features)[number]) => tenant.features.includes(feature);
  const offered = spokenLanguages(widget.languages, agent?.languages);
  const preferred = offered.includes(tenant.defaultLanguage) ? tenant.defaultLanguage : (offered[0] as Language);
  const languages = has('multi_language') ? offered : [preferred];
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
    voice: { browser: has('widget_voice'), realtime: has('cloud_voice') && deps.realtimeReady },
    session: deps.sessionTokens.issue({ tenantId: tenant.id, origin: page.origin, ...(page.preview ? { preview: true } : {}) }),
  };
}

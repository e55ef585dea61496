import { UpdateWidgetRequest, WidgetPreviewResponse, WidgetSettingsResponse, WidgetSnippetResponse } from '@vocalia/contracts';
import type { RouteDoc } from '../http/route-doc';

const tag = 'Widget';

export const widgetRouteDocs: RouteDoc[] = [
  { method: 'get', path: '/api/v1/widget', tag, summary: 'Widget settings in force (defaults filled in)', status: 200, response: WidgetSettingsResponse },
  { method: 'put', path: '/api/v1/widget', tag, roles: ['owner', 'admin'], body: UpdateWidgetRequest, summary: 'Change the settings sent; hiding "Powered by" needs custom_branding', status: 200, response: WidgetSettingsResponse },
  { method: 'post', path: '/api/v1/widget/preview', tag, summary: "A 10-minute grant for the dashboard's live preview: voice-api's /config takes it (X-Vocalia-Preview) for this tenant on the dashboard's own origin only", status: 200, response: WidgetPreviewResponse },
  { method: 'get', path: '/api/v1/widget/snippet', tag, summary: 'Embed code (HTML, WordPress, Shopify, Wix, React) for the widget served at /widget/v1/vocalia.js', status: 200, response: WidgetSnippetResponse },
];

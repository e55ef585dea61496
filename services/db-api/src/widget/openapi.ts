import { UpdateWidgetRequest, WidgetSettingsResponse, WidgetSnippetResponse } from '@vocalia/contracts';
import type { RouteDoc } from '../http/route-doc';

const tag = 'Widget';

export const widgetRouteDocs: RouteDoc[] = [
  { method: 'get', path: '/api/v1/widget', tag, summary: 'Widget settings in force (defaults filled in)', status: 200, response: WidgetSettingsResponse },
  { method: 'put', path: '/api/v1/widget', tag, roles: ['owner', 'admin'], body: UpdateWidgetRequest, summary: 'Change the settings sent; hiding "Powered by" needs custom_branding', status: 200, response: WidgetSettingsResponse },
  { method: 'get', path: '/api/v1/widget/snippet', tag, summary: 'Embed code (HTML, WordPress, Shopify, Wix, React) for the widget served at /widget/v1/vocalia.js', status: 200, response: WidgetSnippetResponse },
];

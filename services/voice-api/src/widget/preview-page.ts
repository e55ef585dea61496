import { LATEST_PATH } from '@vocalia/widget';
import { demoPageCsp } from './demo-page';

const attr = (value: string) => value.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');

/** The demo page's policy, except that the dashboard (same origin) may frame it. */
export function previewPageCsp(publicOrigin: string): string {
  return demoPageCsp(publicOrigin).replace("frame-ancestors 'none'", "frame-ancestors 'self'");
}

/**
 * The page the dashboard frames for its live preview: the real widget of this tenant, in preview
 * mode (`data-vocalia-preview`: it reads db-api's grant and the edited appearance from the fragment).
 */
export function previewPageHtml(publicBaseUrl: string, tenantId: string): string {
  const scriptUrl = `${publicBaseUrl.replace(/\/+$/, '')}${LATEST_PATH}`;
  return `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>VocalIA widget preview</title>
<link rel="icon" href="data:,">
</head>
<body>
<script src="${attr(scriptUrl)}" data-vocalia-tenant="${attr(tenantId)}" data-vocalia-preview async></script>
</body>
</html>
`;
}

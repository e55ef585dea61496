import { LATEST_PATH, snippetHtml } from '@vocalia/widget';
import { demoPageCsp } from './demo-page';

/** The demo page's policy, except that the dashboard (same origin) may frame it. */
export function previewPageCsp(publicOrigin: string): string {
  return demoPageCsp(publicOrigin).replace("frame-ancestors 'none'", "frame-ancestors 'self'");
}

/**
 * The page the dashboard frames for its live preview: the real widget of this tenant, in preview
 * mode (`data-vocalia-preview`: it reads db-api's grant and the edited appearance from the fragment).
 */
export function previewPageHtml(publicBaseUrl: string, tenantId: string): string {
  const snippet = snippetHtml({ scriptUrl: `${publicBaseUrl.replace(/\/+$/, '')}${LATEST_PATH}`, tenantId, preview: true });
  return `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>VocalIA widget preview</title>
<link rel="icon" href="data:,">
</head>
<body>
${snippet}
</body>
</html>
`;
}

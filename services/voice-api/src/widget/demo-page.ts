import { createHash } from 'node:crypto';
import { LATEST_PATH, snippetHtml } from '@vocalia/widget';

const STYLE = 'body{font:16px/1.5 system-ui,sans-serif;max-width:40rem;margin:3rem auto;padding:0 1rem;color:#1f2937}code{background:#f3f4f6;padding:0 .25rem}';
const STYLE_HASH = `'sha256-${createHash('sha256').update(STYLE).digest('base64')}'`;

const text = (value: string) => value.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');

/**
 * Scripts and fetches only from our own public origin (the widget's API and, for realtime voice,
 * its WebSocket); the page's one style block by hash; the widget's styles are constructed
 * stylesheets, which style-src does not govern.
 */
export function demoPageCsp(publicOrigin: string): string {
  const socket = publicOrigin.replace(/^http/, 'ws');
  return [
    "default-src 'none'",
    `script-src ${publicOrigin}`,
    `connect-src ${publicOrigin} ${socket}`,
    `style-src ${STYLE_HASH}`,
    `img-src ${publicOrigin} https: data:`,
    "base-uri 'none'",
    "form-action 'none'",
    "frame-ancestors 'none'",
  ].join('; ');
}

/** A page on the edge's own origin with nothing on it but the embed snippet for this tenant. */
export function demoPageHtml(publicBaseUrl: string, tenantId: string): string {
  const snippet = snippetHtml({ scriptUrl: `${publicBaseUrl.replace(/\/+$/, '')}${LATEST_PATH}`, tenantId });
  return `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>VocalIA widget demo</title>
<link rel="icon" href="data:,">
<style>${STYLE}</style>
</head>
<body>
<h1>VocalIA widget demo</h1>
<p>This page embeds the VocalIA widget of tenant <code>${text(tenantId)}</code> with its one-line snippet: open the chat button in the corner and ask a question.</p>
${snippet}
</body>
</html>
`;
}

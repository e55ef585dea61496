import type { WidgetSnippetResponse } from '@vocalia/contracts';
import { immutablePath, LATEST_PATH, snippetHtml, widgetBundle } from '@vocalia/widget';

/** The embed code for each platform, all loading the widget voice-api serves under PUBLIC_BASE_URL. */
export function buildSnippets(publicBaseUrl: string, tenantId: string): WidgetSnippetResponse {
  const base = publicBaseUrl.replace(/\/+$/, '');
  const bundle = widgetBundle();
  const scriptUrl = `${base}${LATEST_PATH}`;
  const versionedScriptUrl = `${base}${immutablePath(bundle.hash)}`;
  const html = snippetHtml({ scriptUrl, tenantId });
  const pinned = snippetHtml({ scriptUrl: versionedScriptUrl, tenantId, sri: bundle.sri });
  const react = [
    "import { useEffect } from 'react';",
    '',
    'export function VocaliaWidget() {',
    '  useEffect(() => {',
    "    if (document.querySelector('script[data-vocalia-tenant]')) return;",
    "    const script = document.createElement('script');",
    `    script.src = ${JSON.stringify(scriptUrl)};`,
    '    script.async = true;',
    `    script.dataset.vocaliaTenant = ${JSON.stringify(tenantId)};`,
    '    document.body.appendChild(script);',
    '  }, []);',
    '  return null;',
    '}',
  ].join('\n');
  return {
    tenantId,
    scriptUrl,
    versionedScriptUrl,
    sri: bundle.sri,
    snippets: {
      html: { code: html, instructions: 'Paste this line just before </body> on every page where the assistant should appear. It always loads the latest widget.' },
      htmlPinned: { code: pinned, instructions: 'Same, pinned to this exact widget build with Subresource Integrity: it never changes until you replace the snippet.' },
      wordpress: { code: html, instructions: 'WordPress: Appearance > Theme File Editor is risky; instead install a header/footer plugin (e.g. WPCode), add a new "Footer" snippet, paste this line and save.' },
      shopify: { code: html, instructions: 'Shopify: Online Store > Themes > ... > Edit code > layout/theme.liquid, paste this line just before </body>, then Save.' },
      wix: { code: html, instructions: 'Wix: Settings > Custom Code > + Add Custom Code, paste this line, apply to All pages, place in Body - end, then Apply.' },
      react: { code: react, instructions: 'React / Next.js: add this component once, e.g. in your root layout (<VocaliaWidget />).' },
    },
  };
}

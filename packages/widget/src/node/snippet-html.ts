import { isImmutableBundleUrl } from '../widget-paths';

export interface SnippetOptions {
  scriptUrl: string;
  tenantId: string;
  /** `sha384-...` from widgetBundle().sri; emitted only with an immutable `/widget/v1.<hash>/` URL. */
  sri?: string;
  /** The dashboard's live preview: the widget reads db-api's grant and the edited appearance from the page's fragment. */
  preview?: boolean;
}

function attr(value: string): string {
  return value.replace(/&/g, '&amp;').replace(/"/g, '&quot;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
}

/**
 * The one-line embed. SRI pins exact bytes, so it is only added to the content-addressed URL:
 * on `/widget/v1/vocalia.js` (updated in place on every deploy) it would break the widget at the
 * next release, so there the snippet carries no integrity attribute.
 */
export function snippetHtml({ scriptUrl, tenantId, sri, preview }: SnippetOptions): string {
  if (!/^https?:\/\//.test(scriptUrl)) throw new Error(`snippetHtml: scriptUrl must be an absolute http(s) URL, got "${scriptUrl}"`);
  if (!tenantId.trim()) throw new Error('snippetHtml: tenantId is empty');
  if (sri !== undefined && !/^sha(256|384|512)-[A-Za-z0-9+/]+={0,2}$/.test(sri)) throw new Error(`snippetHtml: sri must look like "sha384-<base64>", got "${sri}"`);
  const integrity = sri && isImmutableBundleUrl(scriptUrl) ? ` integrity="${attr(sri)}" crossorigin="anonymous"` : '';
  return `<script src="${attr(scriptUrl)}" data-vocalia-tenant="${attr(tenantId)}"${integrity}${preview ? ' data-vocalia-preview' : ''} async></script>`;
}

/** URL layout of the served bundle, shared by the Node helpers (snippets) and the browser (API base). */
export const WIDGET_FILE = 'vocalia.js';
export const LATEST_PATH = `/widget/v1/${WIDGET_FILE}`;

export function immutablePath(hash: string): string {
  return `/widget/v1.${hash}/${WIDGET_FILE}`;
}

const BUNDLE_PATH = /\/widget\/v1(?:\.([0-9a-f]{8,64}))?\/vocalia\.js$/;

/** True when the URL points at a content-addressed bundle, the only kind SRI can pin. */
export function isImmutableBundleUrl(url: string): boolean {
  const match = BUNDLE_PATH.exec(url.split(/[?#]/)[0] ?? '');
  return Boolean(match?.[1]);
}

/** The API base of a bundle URL: whatever precedes `/widget/v1.../vocalia.js` (an edge may add a prefix). */
export function apiBaseFromScriptUrl(url: string): string | undefined {
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    return undefined;
  }
  const prefix = parsed.pathname.replace(BUNDLE_PATH, '');
  const base = prefix === parsed.pathname ? '' : prefix;
  return `${parsed.origin}${base}`.replace(/\/+$/, '');
}

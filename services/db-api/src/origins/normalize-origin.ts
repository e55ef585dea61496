const LOOPBACK_HOSTS = new Set(['localhost', '127.0.0.1', '[::1]', '0.0.0.0']);

export type OriginCheck = { ok: true; origin: string } | { ok: false; reason: string };

/**
 * `HTTPS://Shop.Example.com:443/` -> `https://shop.example.com`. Scheme http or https, a host, an optional
 * port: no path, query, fragment, user info or wildcard. Loopback hosts only outside production.
 */
export function normalizeOrigin(raw: string, opts: { production: boolean }): OriginCheck {
  let url: URL;
  try {
    url = new URL(raw);
  } catch {
    return { ok: false, reason: 'is not a URL (expected https://example.com)' };
  }
  if (url.protocol !== 'https:' && url.protocol !== 'http:') return { ok: false, reason: 'must use http or https' };
  if (url.username || url.password || /^[a-z]+:\/\/[^/]*@/i.test(raw)) return { ok: false, reason: 'must not contain user info' };
  if (url.pathname !== '/' || /^[a-z]+:\/\/[^/?#]*\/./i.test(raw)) return { ok: false, reason: 'must not contain a path' };
  if (raw.includes('?')) return { ok: false, reason: 'must not contain a query' };
  if (raw.includes('#')) return { ok: false, reason: 'must not contain a fragment' };
  if (!url.hostname || url.hostname.includes('*')) return { ok: false, reason: 'must name one host (no wildcards)' };
  const loopback = LOOPBACK_HOSTS.has(url.hostname) || url.hostname.endsWith('.localhost');
  if (loopback && opts.production) return { ok: false, reason: 'localhost origins are refused in production' };
  // URL already lowercases the host, punycodes IDNs and drops the default port.
  return { ok: true, origin: url.origin };
}

/**
 * The canonical form of a web origin: lower-case scheme and host, default port dropped, no path or
 * trailing slash (`HTTPS://Shop.Example.com:443/` -> `https://shop.example.com`). null when the
 * value is not an http(s) origin (`null`, `file://`, garbage).
 */
export function normaliseOrigin(value: string | undefined): string | null {
  if (!value || value === 'null' || value.length > 2048) return null;
  let url: URL;
  try {
    url = new URL(value);
  } catch {
    return null;
  }
  if (url.protocol !== 'https:' && url.protocol !== 'http:') return null;
  if (url.username || url.password) return null;
  return url.origin;
}

import { BlockList, isIP } from 'node:net';
import type { ProblemFieldRule } from '@vocalia/contracts';

// Every loopback or "this host" address, however it is spelled: the URL parser already turns
// `0x7f.1`, `2130706433` and `127.1` into dotted quads, and BlockList matches IPv4-mapped IPv6 (`::ffff:127.0.0.1`).
const LOOPBACK = new BlockList();
LOOPBACK.addSubnet('127.0.0.0', 8, 'ipv4');
LOOPBACK.addSubnet('0.0.0.0', 8, 'ipv4');
LOOPBACK.addSubnet('::', 96, 'ipv6'); // ::, ::1 and the IPv4-compatible ::127.0.0.1
LOOPBACK.addSubnet('::ffff:0:7f00:0', 104, 'ipv6'); // IPv4-translated loopback
LOOPBACK.addSubnet('64:ff9b::7f00:0', 104, 'ipv6'); // NAT64 loopback

function isLoopback(hostname: string): boolean {
  const host = hostname.replace(/\.$/, '');
  if (host === 'localhost' || host.endsWith('.localhost')) return true;
  const ip = host.replace(/^\[(.*)\]$/, '$1');
  const family = isIP(ip);
  return family !== 0 && LOOPBACK.check(ip, family === 4 ? 'ipv4' : 'ipv6');
}

/** A refusal says why in English (`reason`) and as the rule a client words in its own language. */
export type OriginCheck = { ok: true; origin: string } | { ok: false; reason: string; rule: ProblemFieldRule };

/**
 * `HTTPS://Shop.Example.com:443/` -> `https://shop.example.com`. Scheme http or https, a host, an optional
 * port: no path, query, fragment, user info or wildcard. Loopback hosts (any spelling) only outside production.
 */
export function normalizeOrigin(raw: string, opts: { production: boolean }): OriginCheck {
  let url: URL;
  try {
    url = new URL(raw);
  } catch {
    return { ok: false, reason: 'is not a URL (expected https://example.com)', rule: 'invalid_url' };
  }
  if (url.protocol !== 'https:' && url.protocol !== 'http:') return { ok: false, reason: 'must use http or https', rule: 'invalid_url' };
  if (url.username || url.password || /^[a-z]+:\/\/[^/]*@/i.test(raw)) return { ok: false, reason: 'must not contain user info', rule: 'url_user_info' };
  if (url.pathname !== '/' || /^[a-z]+:\/\/[^/?#]*\/./i.test(raw)) return { ok: false, reason: 'must not contain a path', rule: 'invalid_origin' };
  if (raw.includes('?')) return { ok: false, reason: 'must not contain a query', rule: 'invalid_origin' };
  if (raw.includes('#')) return { ok: false, reason: 'must not contain a fragment', rule: 'invalid_origin' };
  if (!url.hostname || url.hostname.includes('*')) return { ok: false, reason: 'must name one host (no wildcards)', rule: 'invalid_origin' };
  if (isLoopback(url.hostname) && opts.production) return { ok: false, reason: 'localhost origins are refused in production', rule: 'private_address' };
  // URL already lowercases the host, punycodes IDNs and drops the default port.
  return { ok: true, origin: url.origin };
}

import { lookup } from 'node:dns/promises';
import { BlockList, isIP } from 'node:net';
import type { ProblemFieldRule } from '@vocalia/contracts';

// Addresses a tenant's webhook may never reach: this host, private networks, link-local (cloud
// metadata at 169.254.169.254 and fd00:ec2::254), CGNAT, documentation, multicast, and every
// IPv6 form that wraps an IPv4 address (mapped, compatible, NAT64), refused whole.
// Two lists: one BlockList matches IPv4 addresses against IPv4-mapped IPv6 rules too.
const BLOCKED_V4 = new BlockList();
const BLOCKED_V6 = new BlockList();
for (const [net, bits] of [
  ['0.0.0.0', 8], ['10.0.0.0', 8], ['100.64.0.0', 10], ['127.0.0.0', 8], ['169.254.0.0', 16], ['172.16.0.0', 12],
  ['192.0.0.0', 24], ['192.0.2.0', 24], ['192.168.0.0', 16], ['198.18.0.0', 15], ['198.51.100.0', 24], ['203.0.113.0', 24],
  ['224.0.0.0', 4], ['240.0.0.0', 4],
] as const) BLOCKED_V4.addSubnet(net, bits, 'ipv4');
for (const [net, bits] of [
  ['::', 96], ['::ffff:0:0', 96], ['64:ff9b::', 96], ['64:ff9b:1::', 48], ['100::', 64], ['2001:db8::', 32],
  ['fc00::', 7], ['fe80::', 10], ['fec0::', 10], ['ff00::', 8],
] as const) BLOCKED_V6.addSubnet(net, bits, 'ipv6');

/** True when `ip` (an IP literal) is a public unicast address a webhook may be sent to. */
export function isPublicAddress(ip: string): boolean {
  const family = isIP(ip);
  if (family === 0) return false;
  return family === 4 ? !BLOCKED_V4.check(ip, 'ipv4') : !BLOCKED_V6.check(ip, 'ipv6');
}

export type ResolveHost = (hostname: string) => Promise<string[]>;

export const resolveHost: ResolveHost = async (hostname) => (await lookup(hostname, { all: true, verbatim: true })).map((a) => a.address);

export interface WebhookTargetPolicy {
  /** https only. */
  requireHttps: boolean;
  /** Local development: private, loopback and link-local targets are accepted. */
  allowPrivate: boolean;
  resolve?: ResolveHost;
}

/** A refusal says why in English (`reason`) and as the rule a client words in its own language. */
export type WebhookTargetCheck = { ok: true; url: string } | { ok: false; reason: string; rule: ProblemFieldRule };

/**
 * Whether a tenant's webhook URL may be registered: http(s) (https when required), no user info, and a
 * host that is (or resolves only to) public addresses. The URL parser has already turned decimal, octal
 * and hex IPv4 forms (`http://2130706433`) into dotted quads. Delivery checks again on connect.
 */
export async function checkWebhookTarget(raw: string, policy: WebhookTargetPolicy): Promise<WebhookTargetCheck> {
  let url: URL;
  try {
    url = new URL(raw);
  } catch {
    return { ok: false, reason: 'is not a URL', rule: 'invalid_url' };
  }
  if (url.protocol !== 'https:' && (policy.requireHttps || url.protocol !== 'http:')) return { ok: false, reason: 'must use https', rule: 'https_required' };
  if (url.username || url.password) return { ok: false, reason: 'must not contain user info', rule: 'url_user_info' };
  if (policy.allowPrivate) return { ok: true, url: url.toString() };
  const host = url.hostname.replace(/^\[(.*)\]$/, '$1');
  if (isIP(host)) return isPublicAddress(host) ? { ok: true, url: url.toString() } : { ok: false, reason: `${host} is not a public address`, rule: 'private_address' };
  let addresses: string[];
  try {
    addresses = await (policy.resolve ?? resolveHost)(host);
  } catch {
    return { ok: false, reason: `${host} does not resolve`, rule: 'unknown_host' };
  }
  const refused = addresses.find((a) => !isPublicAddress(a));
  if (refused || !addresses.length) return { ok: false, reason: `${host} resolves to ${refused ?? 'nothing'}, not a public address`, rule: 'private_address' };
  return { ok: true, url: url.toString() };
}

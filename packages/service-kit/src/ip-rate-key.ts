import ipaddr from 'ipaddr.js';

/**
 * The rate-limit key of a client address. One IPv6 subscriber usually holds a whole /64, so an IPv6
 * client is keyed on its /64 (`2001:db8:1:2::/64`); IPv4 and IPv4-mapped IPv6 stay per address.
 */
export function ipRateKey(address: string): string {
  if (!ipaddr.isValid(address)) return address;
  const parsed = ipaddr.process(address);
  if (parsed.kind() === 'ipv4') return parsed.toString();
  const prefix = (parsed as ipaddr.IPv6).parts.slice(0, 4).map((part) => part.toString(16));
  return `${prefix.join(':')}::/64`;
}

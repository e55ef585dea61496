import { ipRateKey } from '../src/ip-rate-key';

describe('ipRateKey', () => {
  it('when two IPv6 addresses share a /64, then they share a key; another /64 gets another key', () => {
    const a = ipRateKey('2001:db8:aa:1::1');
    expect(a).toBe('2001:db8:aa:1::/64');
    expect(ipRateKey('2001:0db8:00aa:0001:ffff:ffff:ffff:ffff')).toBe(a);
    expect(ipRateKey('2001:db8:aa:2::1')).not.toBe(a);
  });

  it('when the address is IPv4 or IPv4-mapped IPv6, then the key is the IPv4 address itself', () => {
    expect(ipRateKey('203.0.113.9')).toBe('203.0.113.9');
    expect(ipRateKey('::ffff:203.0.113.9')).toBe('203.0.113.9');
    expect(ipRateKey('203.0.113.10')).not.toBe(ipRateKey('203.0.113.9'));
  });

  it('when the value is not an IP address, then it is its own key', () => {
    expect(ipRateKey('unknown')).toBe('unknown');
  });
});

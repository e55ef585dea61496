import request from 'supertest';
import { startHarness, type Harness } from './support/harness';
import { snapshotFor } from '@vocalia/conversation/testing';

const SHOP = 'https://shop.example.com';

describe('per-IP limit keyed on the IPv6 /64', () => {
  let h: Harness;
  beforeAll(async () => {
    // A window far longer than the test, so only the count matters.
    h = await startHarness('rl-ip64', { limits: { windowSec: 600, ipPoints: 3, tenantPoints: () => 1000 } });
    h.addTenant(snapshotFor({ id: 'acme', origins: [SHOP] }));
  });
  afterAll(() => h.close());

  const from = (ip: string) => request(h.app).get('/config?tenantId=acme').set('Origin', SHOP).set('X-Forwarded-For', ip);

  it('when one client rotates addresses inside its IPv6 /64, then it is counted once and refused; the next /64 is not', async () => {
    for (const host of ['1', 'a', 'ffff:1']) await from(`2001:db8:64:1::${host}`).expect(200);
    await from('2001:db8:64:1:abcd:ef01:2345:6789').expect(429);
    await from('2001:db8:64:2::1').expect(200);
  });

  it('when IPv4 clients share a range, then each address keeps its own count, written plain or IPv4-mapped', async () => {
    for (let i = 0; i < 3; i++) await from('198.51.100.20').expect(200);
    await from('::ffff:198.51.100.20').expect(429);
    await from('198.51.100.21').expect(200);
  });
});

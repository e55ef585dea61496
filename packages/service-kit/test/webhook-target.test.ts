import { checkWebhookTarget, isPublicAddress } from '../src/webhook-target';

const strict = { requireHttps: false, allowPrivate: false };

describe('webhook target guard (SSRF)', () => {
  it.each([
    ['http://127.0.0.1/hook'],
    ['http://169.254.169.254/latest/meta-data'],
    ['http://[::1]/hook'],
    ['http://[::ffff:10.0.0.1]/hook'],
    ['http://[::ffff:8.8.8.8]/hook'],
    ['http://2130706433/hook'],
    ['http://0x7f.1/hook'],
    ['http://017700000001/hook'],
    ['http://100.64.0.1/hook'],
    ['http://192.168.1.10/hook'],
    ['http://[fd00:ec2::254]/hook'],
    ['http://[fe80::1]/hook'],
  ])('when the target is %s, then it is refused', async (url) => {
    expect(await checkWebhookTarget(url, strict)).toMatchObject({ ok: false, reason: expect.stringMatching(/not a public address/) });
  });

  it('when a hostname resolves to a private address, then it is refused', async () => {
    expect(await checkWebhookTarget('http://localhost:8080/hook', strict)).toEqual({ ok: false, reason: 'localhost resolves to 127.0.0.1, not a public address' });
    const mixed = await checkWebhookTarget('https://hooks.example.test/x', { ...strict, resolve: async () => ['93.184.216.34', '10.0.0.7'] });
    expect(mixed).toEqual({ ok: false, reason: 'hooks.example.test resolves to 10.0.0.7, not a public address' });
  });

  it('when https is required, then http is refused even for a public address', async () => {
    expect(await checkWebhookTarget('http://93.184.216.34/x', { ...strict, requireHttps: true })).toEqual({ ok: false, reason: 'must use https' });
    expect(await checkWebhookTarget('https://93.184.216.34/x', { ...strict, requireHttps: true })).toEqual({ ok: true, url: 'https://93.184.216.34/x' });
  });

  it('when private targets are allowed (local development), then loopback is accepted', async () => {
    expect(await checkWebhookTarget('http://127.0.0.1:9000/hook', { requireHttps: false, allowPrivate: true })).toEqual({ ok: true, url: 'http://127.0.0.1:9000/hook' });
  });

  it('when an address is public unicast, then it passes, in both families', () => {
    expect([isPublicAddress('8.8.8.8'), isPublicAddress('2606:4700::1111'), isPublicAddress('not-an-ip')]).toEqual([true, true, false]);
  });
});

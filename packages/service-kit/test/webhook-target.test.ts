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
    expect(await checkWebhookTarget(url, strict)).toEqual({ ok: false, reason: expect.stringMatching(/not a public address/), rule: 'private_address' });
  });

  it('when a hostname resolves to a private address, then it is refused', async () => {
    expect(await checkWebhookTarget('http://localhost:8080/hook', strict)).toEqual({ ok: false, reason: 'localhost resolves to 127.0.0.1, not a public address', rule: 'private_address' });
    const mixed = await checkWebhookTarget('https://hooks.example.test/x', { ...strict, resolve: async () => ['93.184.216.34', '10.0.0.7'] });
    expect(mixed).toEqual({ ok: false, reason: 'hooks.example.test resolves to 10.0.0.7, not a public address', rule: 'private_address' });
  });

  it('when https is required, then http is refused even for a public address', async () => {
    expect(await checkWebhookTarget('http://93.184.216.34/x', { ...strict, requireHttps: true })).toEqual({ ok: false, reason: 'must use https', rule: 'https_required' });
    expect(await checkWebhookTarget('https://93.184.216.34/x', { ...strict, requireHttps: true })).toEqual({ ok: true, url: 'https://93.184.216.34/x' });
  });

  it.each([
    ['hooks.example.test/x', 'is not a URL', 'invalid_url'],
    ['ftp://93.184.216.34/x', 'must use https', 'https_required'],
    ['https://user:secret@93.184.216.34/x', 'must not contain user info', 'url_user_info'],
  ])('when the target is %s, then it is refused: %s (%s)', async (url, reason, rule) => {
    expect(await checkWebhookTarget(url, strict)).toEqual({ ok: false, reason, rule });
  });

  it('when the host name does not resolve, then it is refused as unknown_host', async () => {
    const unknown = await checkWebhookTarget('https://nowhere.example.test/x', { ...strict, resolve: () => Promise.reject(new Error('ENOTFOUND')) });
    expect(unknown).toEqual({ ok: false, reason: 'nowhere.example.test does not resolve', rule: 'unknown_host' });
  });

  it('when private targets are allowed (local development), then loopback is accepted', async () => {
    expect(await checkWebhookTarget('http://127.0.0.1:9000/hook', { requireHttps: false, allowPrivate: true })).toEqual({ ok: true, url: 'http://127.0.0.1:9000/hook' });
  });

  it('when an address is public unicast, then it passes, in both families', () => {
    expect([isPublicAddress('8.8.8.8'), isPublicAddress('2606:4700::1111'), isPublicAddress('not-an-ip')]).toEqual([true, true, false]);
  });
});

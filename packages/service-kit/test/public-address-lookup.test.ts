import type { LookupAddress } from 'node:dns';
import { guardedLookup, RefusedTargetError } from '../src/public-address-lookup';

/** One lookup through the guard, as a socket makes it (`all: false`) or as undici may (`all: true`). */
function lookupWith(allowPrivate: boolean, hostname: string, all: boolean): Promise<string | LookupAddress[]> {
  return new Promise((resolve, reject) => {
    guardedLookup(allowPrivate)(hostname, { all }, (err: Error | null, address: string | LookupAddress[]) => (err ? reject(err) : resolve(address)));
  });
}

describe('guarded DNS lookup (SSRF at connect time)', () => {
  it('when a hostname resolves to a loopback address, then the connection is refused with a RefusedTargetError', async () => {
    await expect(lookupWith(false, 'localhost', false)).rejects.toBeInstanceOf(RefusedTargetError);
    await expect(lookupWith(false, 'localhost', true)).rejects.toThrow(/^localhost resolves to (127\.0\.0\.1|::1), not a public address$/);
  });

  it('when private targets are allowed (local development), then the resolved addresses are handed to the socket', async () => {
    expect(await lookupWith(true, 'localhost', false)).toMatch(/^(127\.0\.0\.1|::1)$/);
    expect(await lookupWith(true, 'localhost', true)).toEqual(expect.arrayContaining([expect.objectContaining({ address: expect.stringMatching(/^(127\.0\.0\.1|::1)$/) })]));
  });

  it('when the name does not resolve, then the resolver error is passed on', async () => {
    // NXDOMAIN where a resolver answers, EAI_AGAIN where none does (an offline machine): either way the resolver's own error.
    const failure = lookupWith(false, 'no-such-host.invalid', false);
    await expect(failure).rejects.toMatchObject({ code: expect.stringMatching(/^(ENOTFOUND|EAI_AGAIN)$/), hostname: 'no-such-host.invalid' });
    await expect(failure).rejects.not.toBeInstanceOf(RefusedTargetError);
  });
});

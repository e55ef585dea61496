import jwt from 'jsonwebtoken';
import { createSessionTokens, WIDGET_TOKEN_AUDIENCE, WIDGET_TOKEN_ISSUER } from '../src/session-token';

const SECRET = 'unit-secret-0123456789abcdef0123456789abcdef';
let now = Date.UTC(2026, 0, 1);
const tokens = createSessionTokens({ secret: SECRET, ttlSec: 60, now: () => now });

describe('widget session tokens', () => {
  it('when a token is issued, then it verifies back to its tenant and origin until it expires', () => {
    const { token, expiresAt } = tokens.issue({ tenantId: 'acme', origin: 'https://shop.example.com' });
    expect(tokens.verify(token)).toEqual({ tenantId: 'acme', origin: 'https://shop.example.com' });
    expect(expiresAt).toBe(new Date(now + 60_000).toISOString());
    now += 61_000;
    expect(() => tokens.verify(token)).toThrow(/has expired/);
  });

  it('when a token is unsigned (alg none), signed with another key or algorithm, or for another audience or issuer, then 401', () => {
    const claims = { sub: 'acme', origin: 'https://shop.example.com' };
    const forged = [
      jwt.sign(claims, '', { algorithm: 'none', issuer: WIDGET_TOKEN_ISSUER, audience: WIDGET_TOKEN_AUDIENCE }),
      jwt.sign(claims, 'another-secret-0123456789abcdef0123456789', { algorithm: 'HS256', issuer: WIDGET_TOKEN_ISSUER, audience: WIDGET_TOKEN_AUDIENCE }),
      jwt.sign(claims, SECRET, { algorithm: 'HS512', issuer: WIDGET_TOKEN_ISSUER, audience: WIDGET_TOKEN_AUDIENCE }),
      jwt.sign(claims, SECRET, { algorithm: 'HS256', issuer: WIDGET_TOKEN_ISSUER, audience: 'vocalia-dashboard' }),
      jwt.sign(claims, SECRET, { algorithm: 'HS256', issuer: 'someone-else', audience: WIDGET_TOKEN_AUDIENCE }),
      jwt.sign({ sub: 'acme' }, SECRET, { algorithm: 'HS256', issuer: WIDGET_TOKEN_ISSUER, audience: WIDGET_TOKEN_AUDIENCE }),
    ];
    for (const token of forged) expect(() => createSessionTokens({ secret: SECRET, ttlSec: 60 }).verify(token)).toThrow(expect.objectContaining({ status: 401 }));
  });

  it('when a visitor sends turn after turn, then the signature is checked once a minute, not on every turn', () => {
    const verify = jest.spyOn(jwt, 'verify');
    const long = createSessionTokens({ secret: SECRET, ttlSec: 3600, now: () => now });
    const { token } = long.issue({ tenantId: 'acme', origin: 'https://shop.example.com' });
    for (let turn = 0; turn < 5; turn++) expect(long.verify(token)).toEqual({ tenantId: 'acme', origin: 'https://shop.example.com' });
    expect(verify).toHaveBeenCalledTimes(1);
    now += 60_000;
    long.verify(token);
    expect(verify).toHaveBeenCalledTimes(2);
    verify.mockRestore();
  });

  it('when a remembered token comes back with another signature, then 401', () => {
    const { token } = tokens.issue({ tenantId: 'acme', origin: 'https://shop.example.com' });
    tokens.verify(token);
    const tampered = `${token.slice(0, -2)}${token.endsWith('AA') ? 'BB' : 'AA'}`;
    expect(() => tokens.verify(tampered)).toThrow(expect.objectContaining({ status: 401 }));
  });
});

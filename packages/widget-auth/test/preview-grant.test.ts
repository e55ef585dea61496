import jwt from 'jsonwebtoken';
import { createPreviewGrants, PREVIEW_GRANT_AUDIENCE, PREVIEW_GRANT_ISSUER } from '../src/preview-grant';
import { createSessionTokens } from '../src/session-token';

const INTERNAL = 'internal-token-0123456789abcdef';
let now = Date.UTC(2026, 0, 1);
const grants = createPreviewGrants({ internalToken: INTERNAL, ttlSec: 600, now: () => now });

describe('widget preview grants', () => {
  it('when a grant is issued, then it verifies back to its tenant and origin until it expires', () => {
    const { token, expiresAt } = grants.issue({ tenantId: 'acme', origin: 'https://app.vocalia.example' });
    expect(grants.verify(token)).toEqual({ tenantId: 'acme', origin: 'https://app.vocalia.example' });
    expect(expiresAt).toBe(new Date(now + 600_000).toISOString());
    now += 601_000;
    expect(() => grants.verify(token)).toThrow(/has expired/);
  });

  it('when a grant is signed with the internal token itself, another token, or is a widget session token, then 401', () => {
    const claims = { sub: 'acme', origin: 'https://app.vocalia.example' };
    const forged = [
      jwt.sign(claims, INTERNAL, { algorithm: 'HS256', issuer: PREVIEW_GRANT_ISSUER, audience: PREVIEW_GRANT_AUDIENCE }),
      createPreviewGrants({ internalToken: 'another-internal-token-0123456', ttlSec: 600 }).issue({ tenantId: 'acme', origin: claims.origin }).token,
      createSessionTokens({ secret: INTERNAL, ttlSec: 600 }).issue({ tenantId: 'acme', origin: claims.origin }).token,
    ];
    for (const token of forged) expect(() => createPreviewGrants({ internalToken: INTERNAL, ttlSec: 600 }).verify(token)).toThrow(expect.objectContaining({ status: 401 }));
  });

  it('when a widget session token is issued for a preview, then it verifies with its preview mark, and others without', () => {
    const tokens = createSessionTokens({ secret: 'unit-secret-0123456789abcdef0123456789abcdef', ttlSec: 60 });
    expect(tokens.verify(tokens.issue({ tenantId: 'acme', origin: 'https://a.example', preview: true }).token)).toEqual({ tenantId: 'acme', origin: 'https://a.example', preview: true });
    expect(tokens.verify(tokens.issue({ tenantId: 'acme', origin: 'https://a.example' }).token)).toEqual({ tenantId: 'acme', origin: 'https://a.example' });
  });
});

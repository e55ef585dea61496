import { createStreamTokens } from '../src/stream/stream-token';

const SECRET = 'test-stream-token-secret-0123456789abcdef';
const CLAIMS = { callSid: `CA${'a'.repeat(32)}`, tenantId: 'acme', agentId: 'agent-acme', line: '+212522000031', direction: 'inbound' as const };

describe('stream tokens', () => {
  it('when a token is fresh and untouched, then its claims come back', () => {
    const tokens = createStreamTokens({ secret: SECRET, ttlSec: 60, now: () => 1_000_000 });
    expect(tokens.verify(tokens.issue(CLAIMS))).toEqual({ ...CLAIMS, exp: 1000 + 60 });
  });

  it('when the token has expired, then it is refused as expired', () => {
    let now = 1_000_000;
    const tokens = createStreamTokens({ secret: SECRET, ttlSec: 60, now: () => now });
    const token = tokens.issue(CLAIMS);
    now += 60_000;
    expect(tokens.verify(token)).toEqual({ refused: 'expired token' });
  });

  it('when the claims were changed or signed with another secret, then the signature is refused', () => {
    const tokens = createStreamTokens({ secret: SECRET, ttlSec: 60 });
    const [, signature] = tokens.issue(CLAIMS).split('.');
    const otherTenant = Buffer.from(JSON.stringify({ ...CLAIMS, tenantId: 'other', exp: Math.floor(Date.now() / 1000) + 60 })).toString('base64url');
    expect(tokens.verify(`${otherTenant}.${signature}`)).toEqual({ refused: 'bad token signature' });
    const foreign = createStreamTokens({ secret: `${SECRET}-other`, ttlSec: 60 }).issue(CLAIMS);
    expect(tokens.verify(foreign)).toEqual({ refused: 'bad token signature' });
    expect(tokens.verify('no-dot')).toEqual({ refused: 'malformed token' });
  });
});

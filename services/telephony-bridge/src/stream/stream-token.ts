import { createHmac, timingSafeEqual } from 'node:crypto';
import { z } from 'zod';

/**
 * What a media stream may do: bridge this one call of this tenant and agent, until `exp` (epoch seconds).
 * `line` (our number) and `direction` let the bridge rebuild the call when Redis lost its state between
 * the answer and the stream's start; a token without them (issued before they were added) still opens a known call.
 */
const StreamClaims = z.object({
  callSid: z.string(),
  tenantId: z.string(),
  agentId: z.string().nullable(),
  line: z.string().optional(),
  direction: z.enum(['inbound', 'outbound']).optional(),
  exp: z.number().int(),
});
export type StreamClaims = z.infer<typeof StreamClaims>;

export interface StreamTokens {
  issue(claims: Omit<StreamClaims, 'exp'>): string;
  /** The claims, or why the token is refused. */
  verify(token: string): StreamClaims | { refused: string };
}

/** Short-lived HMAC-SHA256 tokens passed to `<Stream>` as a `<Parameter>` (Twilio forbids query strings there). */
export function createStreamTokens(opts: { secret: string; ttlSec: number; now?: () => number }): StreamTokens {
  const now = opts.now ?? Date.now;
  const sign = (body: string) => createHmac('sha256', opts.secret).update(body).digest('base64url');
  return {
    issue(claims) {
      const body = Buffer.from(JSON.stringify({ ...claims, exp: Math.floor(now() / 1000) + opts.ttlSec })).toString('base64url');
      return `${body}.${sign(body)}`;
    },
    verify(token) {
      const [body, signature, extra] = token.split('.');
      if (!body || !signature || extra !== undefined) return { refused: 'malformed token' };
      const expected = Buffer.from(sign(body));
      const given = Buffer.from(signature);
      if (expected.length !== given.length || !timingSafeEqual(expected, given)) return { refused: 'bad token signature' };
      let decoded: unknown;
      try {
        decoded = JSON.parse(Buffer.from(body, 'base64url').toString('utf8'));
      } catch {
        return { refused: 'malformed token' };
      }
      const claims = StreamClaims.safeParse(decoded);
      if (!claims.success) return { refused: 'malformed token' };
      if (claims.data.exp * 1000 <= now()) return { refused: 'expired token' };
      return claims.data;
    },
  };
}

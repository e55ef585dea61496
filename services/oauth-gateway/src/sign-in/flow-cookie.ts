import { jwtVerify, SignJWT } from 'jose';
import { z } from 'zod';
import { OAuthProviderId } from '@vocalia/contracts';

export const FLOW_COOKIE = 'vocalia_oauth';
/** Long enough to sign in at the provider (password, 2FA), short enough that a forgotten tab is worthless. */
export const FLOW_TTL_SEC = 600;

/** What start hands to callback through the browser: state, nonce and PKCE verifier, the provider and the landing. */
export const FlowState = z.object({
  provider: OAuthProviderId,
  state: z.string().min(1),
  nonce: z.string().min(1),
  codeVerifier: z.string().min(43),
  landing: z.string().min(1),
});
export type FlowState = z.infer<typeof FlowState>;

const AUDIENCE = 'oauth-gateway:flow';

/** HS256 over the flow, expiring with the cookie: the browser carries it but cannot read a forged one back in. */
export function flowCookieCodec(secret: string) {
  const key = new TextEncoder().encode(secret);
  return {
    seal: (flow: FlowState): Promise<string> =>
      new SignJWT({ ...flow }).setProtectedHeader({ alg: 'HS256' }).setAudience(AUDIENCE).setIssuedAt().setExpirationTime(`${FLOW_TTL_SEC}s`).sign(key),
    /** The flow, or null when the cookie is forged, expired or malformed. */
    async open(token: string): Promise<FlowState | null> {
      try {
        const { payload } = await jwtVerify(token, key, { algorithms: ['HS256'], audience: AUDIENCE });
        const parsed = FlowState.safeParse(payload);
        return parsed.success ? parsed.data : null;
      } catch {
        return null;
      }
    },
  };
}
export type FlowCookieCodec = ReturnType<typeof flowCookieCodec>;

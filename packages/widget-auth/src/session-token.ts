import { createSecretKey } from 'node:crypto';
import jwt from 'jsonwebtoken';
import { AppError } from '@vocalia/service-kit';
import { createVerifiedTokenCache } from './verified-token-cache';

export const WIDGET_TOKEN_ISSUER = 'vocalia-voice-api';
export const WIDGET_TOKEN_AUDIENCE = 'vocalia-widget';

export interface WidgetSession {
  tenantId: string;
  /** The normalised page origin the token was issued to. */
  origin: string;
  /** Issued for the dashboard's live preview (on the platform's own origin, which the tenant need not allow). */
  preview?: true;
}

export interface SessionTokens {
  issue(session: WidgetSession): { token: string; expiresAt: string };
  /** Throws 401 on anything but a valid, unexpired token of ours. */
  verify(token: string): WidgetSession;
}

export interface SessionTokenOptions {
  secret: string;
  ttlSec: number;
  now?: () => number;
  /** Verified tokens remembered (each for at most a minute and never past its exp), so a visitor's turns skip the HMAC. */
  verifiedCacheMax?: number;
}

const VERIFIED_MAX_AGE_SEC = 60;

/** Short-lived widget session tokens (HS256 pinned, iss and aud checked), bound to tenant and origin. */
export function createSessionTokens(opts: SessionTokenOptions): SessionTokens {
  const now = opts.now ?? Date.now;
  // A KeyObject made once: given a string, jsonwebtoken tries it as a PEM public key on every call (a thrown error each time).
  const key = createSecretKey(Buffer.from(opts.secret, 'utf8'));
  const verified = createVerifiedTokenCache<WidgetSession>({ maxEntries: opts.verifiedCacheMax ?? 10_000, maxAgeSec: VERIFIED_MAX_AGE_SEC });
  return {
    issue({ tenantId, origin, preview }) {
      const iat = Math.floor(now() / 1000);
      const exp = iat + opts.ttlSec;
      const token = jwt.sign({ origin, iat, exp, ...(preview ? { preview: true } : {}) }, key, {
        algorithm: 'HS256',
        issuer: WIDGET_TOKEN_ISSUER,
        audience: WIDGET_TOKEN_AUDIENCE,
        subject: tenantId,
      });
      return { token, expiresAt: new Date(exp * 1000).toISOString() };
    },
    verify(token) {
      const nowSec = Math.floor(now() / 1000);
      const known = verified.get(token, nowSec);
      if (known) return known;
      let claims: jwt.JwtPayload | string;
      try {
        claims = jwt.verify(token, key, {
          algorithms: ['HS256'],
          issuer: WIDGET_TOKEN_ISSUER,
          audience: WIDGET_TOKEN_AUDIENCE,
          clockTimestamp: nowSec,
        });
      } catch (err) {
        const why = err instanceof jwt.TokenExpiredError ? 'has expired' : 'is not valid';
        throw new AppError('UNAUTHENTICATED', `The widget session token ${why}. Get a fresh one from GET /config?tenantId=<your tenant id>.`, {
          headers: { 'WWW-Authenticate': 'Bearer error="invalid_token"' },
        });
      }
      if (typeof claims === 'string' || typeof claims.sub !== 'string' || typeof claims.origin !== 'string') {
        throw new AppError('UNAUTHENTICATED', 'The widget session token lacks its tenant or origin. Get a fresh one from GET /config.');
      }
      const session: WidgetSession = Object.freeze({ tenantId: claims.sub, origin: claims.origin, ...(claims.preview === true ? { preview: true as const } : {}) });
      // Our tokens always carry exp; one without it is still accepted, just never remembered.
      if (typeof claims.exp === 'number') verified.set(token, session, nowSec, claims.exp);
      return session;
    },
  };
}

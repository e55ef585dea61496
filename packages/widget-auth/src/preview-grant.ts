import { createSecretKey, hkdfSync } from 'node:crypto';
import jwt from 'jsonwebtoken';
import { AppError } from '@vocalia/service-kit';
import type { WidgetSession } from './session-token';

export const PREVIEW_GRANT_ISSUER = 'vocalia-db-api';
export const PREVIEW_GRANT_AUDIENCE = 'vocalia-widget-preview';
const DEFAULT_TTL_SEC = 600;

export interface PreviewGrants {
  /** A grant for the dashboard's live preview: this tenant's widget, on this (the platform's own) origin only. */
  issue(session: WidgetSession): { token: string; expiresAt: string };
  /** Throws 401 on anything but a valid, unexpired grant of ours. */
  verify(token: string): WidgetSession;
}

export interface PreviewGrantOptions {
  /** INTERNAL_API_TOKEN, shared by db-api (issuer) and voice-api (verifier); the signing key is derived from it, never the token itself. */
  internalToken: string;
  /** How long a grant lasts (default 10 minutes; the dashboard asks for a new one when it runs out). */
  ttlSec?: number;
  now?: () => number;
}

function derivedKey(internalToken: string) {
  return createSecretKey(Buffer.from(hkdfSync('sha256', internalToken, 'vocalia', 'widget-preview-grant-v1', 32)));
}

/** Short-lived HS256 grants (algorithm pinned, iss and aud checked) that db-api hands the dashboard for the widget preview. */
export function createPreviewGrants(opts: PreviewGrantOptions): PreviewGrants {
  const now = opts.now ?? Date.now;
  const key = derivedKey(opts.internalToken);
  return {
    issue({ tenantId, origin }) {
      const iat = Math.floor(now() / 1000);
      const exp = iat + (opts.ttlSec ?? DEFAULT_TTL_SEC);
      const token = jwt.sign({ origin, iat, exp }, key, { algorithm: 'HS256', issuer: PREVIEW_GRANT_ISSUER, audience: PREVIEW_GRANT_AUDIENCE, subject: tenantId });
      return { token, expiresAt: new Date(exp * 1000).toISOString() };
    },
    verify(token) {
      let claims: jwt.JwtPayload | string;
      try {
        claims = jwt.verify(token, key, { algorithms: ['HS256'], issuer: PREVIEW_GRANT_ISSUER, audience: PREVIEW_GRANT_AUDIENCE, clockTimestamp: Math.floor(now() / 1000) });
      } catch (err) {
        const why = err instanceof jwt.TokenExpiredError ? 'has expired' : 'is not valid';
        throw new AppError('UNAUTHENTICATED', `The widget preview grant ${why}. Open Dashboard > Install again for a fresh one.`);
      }
      if (typeof claims === 'string' || typeof claims.sub !== 'string' || typeof claims.origin !== 'string') {
        throw new AppError('UNAUTHENTICATED', 'The widget preview grant lacks its tenant or origin.');
      }
      return { tenantId: claims.sub, origin: claims.origin };
    },
  };
}

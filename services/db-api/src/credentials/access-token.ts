import { randomUUID } from 'node:crypto';
import jwt from 'jsonwebtoken';
import type { JwtKeys } from './jwt-keys';

const ALGORITHM = 'RS256';

export interface AccessClaims {
  userId: string;
  tenantId: string;
}

export function signAccessToken(keys: JwtKeys, claims: AccessClaims, now: Date): string {
  return jwt.sign({ tid: claims.tenantId, iat: Math.floor(now.getTime() / 1000) }, keys.privateKey, {
    algorithm: ALGORITHM,
    subject: claims.userId,
    issuer: keys.issuer,
    audience: keys.audience,
    expiresIn: keys.accessTtlSec,
    jwtid: randomUUID(),
  });
}

function verified(keys: JwtKeys, token: string, now: Date, ignoreExpiration: boolean): AccessClaims | undefined {
  try {
    const payload = jwt.verify(token, keys.publicKey, {
      algorithms: [ALGORITHM],
      issuer: keys.issuer,
      audience: keys.audience,
      clockTimestamp: Math.floor(now.getTime() / 1000),
      ignoreExpiration,
    });
    if (typeof payload === 'string' || typeof payload.sub !== 'string' || typeof payload.tid !== 'string') return undefined;
    return { userId: payload.sub, tenantId: payload.tid };
  } catch {
    return undefined;
  }
}

/** Verifies signature (RS256 only), issuer, audience and expiry; undefined when any fails. */
export const verifyAccessToken = (keys: JwtKeys, token: string, now: Date): AccessClaims | undefined => verified(keys, token, now, false);

/** A token of ours whose only fault is its age: the client should refresh rather than sign in again. */
export const isExpiredAccessToken = (keys: JwtKeys, token: string, now: Date): boolean => verified(keys, token, now, true) !== undefined;

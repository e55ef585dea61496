import { randomBytes } from 'node:crypto';
import { AppError } from '@vocalia/service-kit';
import type { Env } from '../env';
import { sha256Hex } from '../credentials/refresh-token';

/** A token for a mailed link: 32 random bytes; only its sha256 is stored. */
export function newMailedToken(): { token: string; hash: string } {
  const token = randomBytes(32).toString('base64url');
  return { token, hash: sha256Hex(token) };
}

export type DashboardRoute = 'invitation' | 'verify-email' | 'reset-password';

/** The dashboard page (under PUBLIC_BASE_URL/app/) that reads `token` and posts it to the API. */
export function dashboardLink(env: Pick<Env, 'PUBLIC_BASE_URL'>, route: DashboardRoute, token: string): string {
  return `${env.PUBLIC_BASE_URL.replace(/\/+$/, '')}/app/#/${route}?token=${encodeURIComponent(token)}`;
}

/** One answer for a mailed token that is unknown, used, revoked or expired. */
export function invalidMailedToken(): AppError {
  return new AppError('VALIDATION_FAILED', 'body.token: this link is invalid, already used or expired', { errors: [{ path: 'body.token', message: 'invalid, already used or expired', rule: 'invalid_token' }] });
}

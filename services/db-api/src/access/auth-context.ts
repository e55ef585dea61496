import type { Response } from 'express';
import { AppError } from '@vocalia/service-kit';

export type Role = 'owner' | 'admin' | 'member';

/** Who is calling, derived from the credential only (never from the body): the tenant scope of every query. */
export interface AuthContext {
  tenantId: string;
  userId?: string;
  apiKeyId?: string;
  role: Role;
  via: 'jwt' | 'api_key';
}

export function getAuth(res: Response): AuthContext {
  const auth = res.locals.auth as AuthContext | undefined;
  if (!auth) throw new AppError('UNAUTHENTICATED', 'Authentication required');
  return auth;
}

/** The audit `actor` for a caller: `user:<id>` or `api_key:<id>`. */
export function actorOf(auth: AuthContext): string {
  return auth.via === 'jwt' ? `user:${auth.userId}` : `api_key:${auth.apiKeyId}`;
}

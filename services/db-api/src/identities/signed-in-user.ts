import { AppError } from '@vocalia/service-kit';
import type { AuthContext } from '../access/auth-context';

/** Identities belong to a person: an API key has none to list or unlink. */
export function signedInUser(auth: AuthContext): string {
  if (auth.via !== 'jwt' || !auth.userId) throw new AppError('FORBIDDEN', 'Only a signed-in user has linked identities');
  return auth.userId;
}

import { OAuthProviderId, type LinkedIdentityList } from '@vocalia/contracts';
import type { Deps } from '../deps';
import type { AuthContext } from '../access/auth-context';
import { signedInUser } from './signed-in-user';

/** The signed-in user's linked sign-in providers, oldest first. */
export async function listIdentities(deps: Deps, auth: AuthContext): Promise<LinkedIdentityList> {
  const rows = await deps.prisma.oAuthIdentity.findMany({ where: { userId: signedInUser(auth) }, orderBy: [{ createdAt: 'asc' }, { id: 'asc' }] });
  return {
    items: rows.map((r) => ({ id: r.id, provider: OAuthProviderId.parse(r.provider), email: r.email, createdAt: r.createdAt.toISOString() })),
  };
}

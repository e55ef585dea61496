import type { IdentitySignInRequest, SessionResponse } from '@vocalia/contracts';
import { AppError } from '@vocalia/service-kit';
import type { Deps } from '../deps';
import { openTrialTenant } from '../billing/open-trial-tenant';
import { slugCandidate, slugify } from '../tenants/tenant-slug';
import { isUniqueViolation } from '../unique-violation';
import { identitySession } from './identity-session';

const SLUG_ATTEMPTS = 5;

/** `Amina Idrissi` -> `Amina Idrissi's workspace`; without a name, the email's local part. */
const companyOf = (input: IdentitySignInRequest): string => `${input.name || input.email.split('@')[0]}'s workspace`.slice(0, 120);

export class IdentityRaced extends Error {}

/**
 * A first sign-in with a provider-verified email: user (no password, email verified), tenant, owner
 * membership and subscription exactly as register opens them, the identity, and a session; one transaction.
 * Throws IdentityRaced when the same email or identity was created meanwhile, so the caller looks again.
 */
export async function registerFromIdentity(deps: Deps, input: IdentitySignInRequest): Promise<SessionResponse> {
  const now = deps.clock();
  const company = companyOf(input);
  const baseSlug = slugify(company);
  for (let attempt = 0; attempt < SLUG_ATTEMPTS; attempt++) {
    try {
      return await deps.prisma.$transaction(async (tx) => {
        const user = await tx.user.create({ data: { email: input.email, name: input.name || null, emailVerifiedAt: now } });
        const tenant = await openTrialTenant(tx, { ownerId: user.id, company, slug: slugCandidate(baseSlug, attempt), now });
        await tx.oAuthIdentity.create({ data: { provider: input.provider, providerUserId: input.subject, userId: user.id, email: input.email } });
        return identitySession(deps, tx, user, tenant);
      });
    } catch (err) {
      if (!isUniqueViolation(err)) throw err;
      const raced = await deps.prisma.user.findUnique({ where: { email: input.email }, select: { id: true } });
      if (raced) throw new IdentityRaced();
    }
  }
  throw new AppError('CONFLICT', 'Could not find a free tenant slug for this account; try again');
}

import type { IdentitySignInRequest, IdentitySignInResponse } from '@vocalia/contracts';
import { AppError } from '@vocalia/service-kit';
import type { Deps } from '../deps';
import { recordAudit } from '../audit/record-audit';
import { isUniqueViolation } from '../unique-violation';
import { identitySession } from './identity-session';
import { IdentityRaced, registerFromIdentity } from './register-from-identity';

const withTenants = { memberships: { orderBy: { createdAt: 'asc' as const }, include: { tenant: true } } };

async function signInKnown(deps: Deps, input: IdentitySignInRequest): Promise<IdentitySignInResponse | null> {
  const identity = await deps.prisma.oAuthIdentity.findUnique({
    where: { provider_providerUserId: { provider: input.provider, providerUserId: input.subject } },
    include: { user: { include: withTenants } },
  });
  if (!identity) return null;
  const membership = identity.user.memberships[0];
  if (!membership) throw new AppError('FORBIDDEN', 'This account belongs to no tenant');
  const session = await identitySession(deps, deps.prisma, identity.user, membership.tenant);
  await recordAudit(deps, { tenantId: membership.tenantId, actor: `user:${identity.userId}`, action: 'auth.login', meta: { ip: input.ip, via: input.provider } });
  return { outcome: 'signed_in', session };
}

/**
 * Links the identity to the account that owns its (provider-verified) email; null when no account does.
 * An account whose email was never verified may have been registered by someone else in the owner's name
 * (pre-hijacking): its password and sessions end, and the email counts as verified from now on.
 */
async function linkByEmail(deps: Deps, input: IdentitySignInRequest): Promise<IdentitySignInResponse | null> {
  const user = await deps.prisma.user.findUnique({ where: { email: input.email }, include: withTenants });
  if (!user) return null;
  const membership = user.memberships[0];
  if (!membership) throw new AppError('FORBIDDEN', 'This account belongs to no tenant');
  const unclaimed = user.emailVerifiedAt === null;
  const session = await deps.prisma.$transaction(async (tx) => {
    if (unclaimed) {
      const now = deps.clock();
      await tx.user.update({ where: { id: user.id }, data: { emailVerifiedAt: now, passwordHash: null } });
      await tx.refreshToken.updateMany({ where: { userId: user.id, revokedAt: null }, data: { revokedAt: now } });
    }
    await tx.oAuthIdentity.create({ data: { provider: input.provider, providerUserId: input.subject, userId: user.id, email: input.email } });
    return identitySession(deps, tx, user, membership.tenant);
  });
  const meta = { ip: input.ip, reason: 'verified_email', ...(unclaimed ? { passwordCleared: true } : {}) };
  await recordAudit(deps, { tenantId: membership.tenantId, actor: `user:${user.id}`, action: 'auth.identity_linked', target: `identity:${input.provider}`, meta });
  return { outcome: 'linked', session };
}

async function refuseUnverified(deps: Deps, input: IdentitySignInRequest): Promise<never> {
  const owner = await deps.prisma.user.findUnique({ where: { email: input.email }, include: { memberships: { orderBy: { createdAt: 'asc' }, take: 1 } } });
  await recordAudit(deps, {
    tenantId: owner?.memberships[0]?.tenantId ?? null,
    actor: `${input.provider}:${input.subject}`,
    action: 'auth.oauth_refused',
    target: owner ? `user:${owner.id}` : undefined,
    meta: { ip: input.ip, provider: input.provider, reason: 'email_unverified' },
  });
  throw new AppError('FORBIDDEN', `${input.provider} has not verified this email address; verify it there, or sign in with your password`);
}

async function attempt(deps: Deps, input: IdentitySignInRequest): Promise<IdentitySignInResponse> {
  const known = await signInKnown(deps, input);
  if (known) return known;
  if (!input.emailVerified) return refuseUnverified(deps, input);
  const linked = await linkByEmail(deps, input);
  if (linked) return linked;
  const session = await registerFromIdentity(deps, input);
  await recordAudit(deps, { tenantId: session.tenant.id, actor: `user:${session.user.id}`, action: 'auth.registered', target: `tenant:${session.tenant.id}`, meta: { ip: input.ip, via: input.provider } });
  return { outcome: 'registered', session };
}

/**
 * An identity oauth-gateway has verified with its provider -> a session: the linked user's, else (verified
 * email only) the account with that email, linked now, else a new account. An unverified email never links
 * nor creates. Two first sign-ins at once: the loser finds what the winner created.
 */
export async function signInWithIdentity(deps: Deps, input: IdentitySignInRequest): Promise<IdentitySignInResponse> {
  try {
    return await attempt(deps, input);
  } catch (err) {
    if (!(err instanceof IdentityRaced) && !isUniqueViolation(err)) throw err;
    return attempt(deps, input);
  }
}

import type { RegisterRequest, SessionResponse } from '@vocalia/contracts';
import { AppError } from '@vocalia/service-kit';
import type { Deps } from '../deps';
import { sendVerification } from '../account/send-verification';
import { recordAudit } from '../audit/record-audit';
import { openTrialTenant } from '../billing/open-trial-tenant';
import { slugCandidate, slugify } from '../tenants/tenant-slug';
import { toTenantSummary } from '../tenants/tenant-summary';
import { isUniqueViolation } from '../unique-violation';
import { issueTokens } from '../credentials/issue-tokens';
import { hashPassword } from '../credentials/password-hash';

const SLUG_ATTEMPTS = 5;

function emailTaken(): AppError {
  return new AppError('CONFLICT', 'An account with this email already exists', { errors: [{ path: 'body.email', message: 'already registered', rule: 'email_registered' }] });
}

/** New user + tenant (starter, 14-day trial) + owner membership + subscription + trial credits, in one transaction; then a verification link is mailed. The password already passed the policy (parseRegistration). */
export async function registerAccount(deps: Deps, input: RegisterRequest, ip: string): Promise<SessionResponse> {
  await deps.rateLimits.consume('register', { ip, email: input.email });
  if (await deps.prisma.user.findUnique({ where: { email: input.email }, select: { id: true } })) throw emailTaken();

  const passwordHash = await hashPassword(input.password);
  const now = deps.clock();
  const baseSlug = slugify(input.company);

  for (let attempt = 0; attempt < SLUG_ATTEMPTS; attempt++) {
    try {
      const session = await deps.prisma.$transaction(async (tx) => {
        const user = await tx.user.create({ data: { email: input.email, passwordHash } });
        const tenant = await openTrialTenant(tx, { ownerId: user.id, company: input.company, slug: slugCandidate(baseSlug, attempt), now });
        const tokens = await issueTokens(deps, tx, { userId: user.id, tenantId: tenant.id });
        return { user: { id: user.id, email: user.email }, tenant: toTenantSummary(tenant), accessToken: tokens.accessToken, refreshToken: tokens.refreshToken, expiresIn: tokens.expiresIn };
      });
      await recordAudit(deps, { tenantId: session.tenant.id, actor: `user:${session.user.id}`, action: 'auth.registered', target: `tenant:${session.tenant.id}`, meta: { ip } });
      await deps.rateLimits.loginSucceeded({ ip, email: input.email });
      // The new tenant's default language is the column's default, not the owner's choice: without a language asked for, English.
      await sendVerification(deps, session.user, input.language ?? 'en');
      return session;
    } catch (err) {
      if (!isUniqueViolation(err)) throw err;
      // Either the email was registered concurrently (-> 409) or the slug is taken (-> next candidate).
      if (await deps.prisma.user.findUnique({ where: { email: input.email }, select: { id: true } })) throw emailTaken();
    }
  }
  throw new AppError('CONFLICT', 'Could not find a free tenant slug for this company name; try a more specific name');
}

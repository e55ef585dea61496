import { cheapestPlanWith, PLANS, planHasFeature } from '@vocalia/contracts';
import { AppError } from '@vocalia/service-kit';
import type { Deps } from '../deps';
import type { AuthContext } from './auth-context';
import { hashApiKey } from '../credentials/api-key-format';

const TOUCH_INTERVAL_MS = 60_000;

/** An API key acts for its tenant with the admin role; revoked keys and keys past their grace period are refused, a restricted tenant's with 402, a plan without api_access with 403. */
export async function resolveApiKey(deps: Deps, key: string): Promise<AuthContext | undefined> {
  const now = deps.clock();
  const row = await deps.prisma.apiKey.findUnique({ where: { keyHash: hashApiKey(key) }, include: { tenant: { select: { status: true, statusReason: true, plan: true } } } });
  if (!row || row.revokedAt || (row.expiresAt && row.expiresAt <= now)) return undefined;
  if (row.tenant.status === 'suspended') {
    // The API says why; dashboard sessions stay open so the owner can pay.
    throw new AppError('ACCOUNT_RESTRICTED', `This account is restricted (${row.tenant.statusReason ?? 'billing'}): its API keys work again once a plan is paid in Dashboard > Billing`);
  }
  if (!planHasFeature(row.tenant.plan, 'api_access')) {
    // A key kept after a downgrade: it works again on a plan with api_access.
    const requiredPlan = cheapestPlanWith('api_access');
    throw new AppError('PLAN_REQUIRED', `API keys need the api_access feature, which the ${PLANS[row.tenant.plan].name} plan does not include; upgrade to ${PLANS[requiredPlan].name}`, { feature: 'api_access', requiredPlan });
  }
  if (!row.lastUsedAt || now.getTime() - row.lastUsedAt.getTime() >= TOUCH_INTERVAL_MS) {
    // Conditional, so concurrent requests write at most once a minute.
    await deps.prisma.apiKey.updateMany({
      where: { id: row.id, OR: [{ lastUsedAt: null }, { lastUsedAt: { lte: new Date(now.getTime() - TOUCH_INTERVAL_MS) } }] },
      data: { lastUsedAt: now },
    });
  }
  return { tenantId: row.tenantId, apiKeyId: row.id, role: 'admin', via: 'api_key' };
}

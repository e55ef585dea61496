import { PLANS, type AddOriginRequest, type AllowedOriginView, type ProblemFieldRule } from '@vocalia/contracts';
import { AppError } from '@vocalia/service-kit';
import type { Deps } from '../deps';
import { actorOf, type AuthContext } from '../access/auth-context';
import { recordAudit } from '../audit/record-audit';
import { publishTenantUpdated } from '../tenants/publish-tenant-updated';
import { enqueueTenantUpdated, recordTenantUpdated } from '../tenants/record-tenant-updated';
import { loadTenantPlan } from '../usage/load-tenant-plan';
import { lockTenantWrites } from '../usage/tenant-write-lock';
import { isUniqueViolation } from '../unique-violation';
import { normalizeOrigin } from './normalize-origin';

function invalid(message: string, rule: ProblemFieldRule): AppError {
  return new AppError('VALIDATION_FAILED', `body.origin: ${message}`, { errors: [{ path: 'body.origin', message, rule }] });
}

export async function addOrigin(deps: Deps, auth: AuthContext, input: AddOriginRequest): Promise<AllowedOriginView> {
  const checked = normalizeOrigin(input.origin, { production: deps.env.NODE_ENV === 'production' });
  if (!checked.ok) throw invalid(checked.reason, checked.rule);
  try {
    const row = await deps.prisma.$transaction(async (tx) => {
      await lockTenantWrites(tx, auth.tenantId, 'origins');
      const limit = PLANS[await loadTenantPlan(tx, auth.tenantId)].quotas.allowedOrigins;
      if ((await tx.allowedOrigin.count({ where: { tenantId: auth.tenantId } })) >= limit) {
        throw new AppError('CONFLICT', `At most ${limit} allowed origins per tenant; remove one first`);
      }
      const created = await tx.allowedOrigin.create({ data: { tenantId: auth.tenantId, origin: checked.origin } });
      return { ...created, eventId: await recordTenantUpdated(tx, auth.tenantId, { what: 'origins', fields: ['allowedOrigins'] }, deps.clock()) };
    });
    await enqueueTenantUpdated(deps, auth.tenantId, row.eventId);
    await recordAudit(deps, { tenantId: auth.tenantId, actor: actorOf(auth), action: 'origin.added', target: `origin:${row.id}`, meta: { origin: row.origin } });
    await publishTenantUpdated(deps, auth.tenantId, 'origins');
    return { id: row.id, origin: row.origin, createdAt: row.createdAt.toISOString() };
  } catch (err) {
    if (isUniqueViolation(err)) throw new AppError('CONFLICT', `${checked.origin} is already allowed`);
    throw err;
  }
}

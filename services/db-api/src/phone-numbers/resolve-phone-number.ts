import { planHasFeature, type ResolvedPhoneNumber } from '@vocalia/contracts';
import { AppError } from '@vocalia/service-kit';
import type { Deps } from '../deps';
import { effectiveCallSettings } from '../tenants/call-settings';

/**
 * Which tenant and agent answer a dialled number (telephony-bridge, on an incoming call). 404 when the
 * number is no tenant's, or its tenant's plan no longer has `telephony`: the caller then hears an apology.
 */
export async function resolvePhoneNumber(deps: Deps, number: string): Promise<ResolvedPhoneNumber> {
  const row = await deps.prisma.phoneNumber.findUnique({ where: { number }, include: { tenant: true } });
  if (!row || !planHasFeature(row.tenant.plan, 'telephony')) throw new AppError('NOT_FOUND', 'No tenant answers this number');
  const { recordCalls, maxCallSeconds, transferDigit, smsSummary, maxConcurrentCalls } = effectiveCallSettings(row.tenant);
  return {
    phoneNumberId: row.id,
    number: row.number,
    tenantId: row.tenantId,
    agentId: row.agentId,
    settings: { recordCalls, maxCallSeconds, transferDigit, smsSummary, maxConcurrentCalls },
  };
}

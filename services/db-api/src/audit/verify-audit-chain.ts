import type { AuditVerification } from '@vocalia/contracts';
import type { Deps } from '../deps';
import { readAuditHead } from './audit-head';
import { checkChainEnd } from './check-chain-end';
import { walkAuditChain } from './walk-audit-chain';

/**
 * Verifies a tenant's chain (or the platform chain, tenantId null): every row up to the head, then the
 * chain's end against the head. The head is read first: rows appended meanwhile lie past it and are left
 * to the next verification, so concurrent appends never look like tampering.
 */
export async function verifyAuditChain(deps: Pick<Deps, 'prisma'>, tenantId: string | null): Promise<AuditVerification> {
  const head = await readAuditHead(deps.prisma, tenantId);
  const walked = await walkAuditChain(deps.prisma, tenantId, head?.seq ?? 0n);
  if (!walked.ok) return walked.result;
  return checkChainEnd(deps.prisma, tenantId, head, walked);
}

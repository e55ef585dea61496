import { MAX_KNOWLEDGE_DOCUMENT_BYTES, PLANS } from '@vocalia/contracts';
import type { Prisma } from '@vocalia/db';
import { AppError } from '@vocalia/service-kit';
import { loadTenantPlan } from '../usage/load-tenant-plan';
import { quotaExceeded } from '../usage/quota-exceeded';

/** Refuses a document over the size limit (413) or over what the plan's knowledge quota has left (403/409). */
export async function checkKnowledgeRoom(db: Prisma.TransactionClient, tenantId: string, sizeBytes: number): Promise<void> {
  if (sizeBytes > MAX_KNOWLEDGE_DOCUMENT_BYTES) throw new AppError('PAYLOAD_TOO_LARGE', `A document is at most ${MAX_KNOWLEDGE_DOCUMENT_BYTES} bytes`);
  const plan = await loadTenantPlan(db, tenantId);
  const used = await db.knowledgeDocument.aggregate({ where: { tenantId }, _sum: { sizeBytes: true } });
  const limit = PLANS[plan].quotas.knowledgeBaseBytes;
  if ((used._sum.sizeBytes ?? 0) + sizeBytes > limit) throw quotaExceeded(plan, 'knowledgeBaseBytes', `Your plan's knowledge base holds ${limit} bytes`);
}

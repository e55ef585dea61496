import { notFound } from '@vocalia/service-kit';
import type { Deps } from '../deps';
import { actorOf, type AuthContext } from '../access/auth-context';
import { recordAudit } from '../audit/record-audit';
import { publishTenantUpdated } from '../tenants/publish-tenant-updated';

/** Deletes a document and (by cascade) its chunks; they leave search results at once. */
export async function deleteDocument(deps: Deps, auth: AuthContext, id: string): Promise<void> {
  const { count } = await deps.prisma.knowledgeDocument.deleteMany({ where: { id, tenantId: auth.tenantId } });
  if (!count) throw notFound('Knowledge document');
  await recordAudit(deps, { tenantId: auth.tenantId, actor: actorOf(auth), action: 'knowledge.document_deleted', target: `knowledge_document:${id}` });
  await publishTenantUpdated(deps, auth.tenantId, 'knowledge');
}

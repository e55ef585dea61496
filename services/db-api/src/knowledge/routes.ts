import type { Router } from 'express';
import { CreateKnowledgeDocumentRequest, KnowledgeSearchQuery, PageQuery } from '@vocalia/contracts';
import { parseInput } from '@vocalia/service-kit';
import type { Deps } from '../deps';
import { authenticate } from '../access/authenticate';
import { getAuth } from '../access/auth-context';
import { idempotentPost } from '../access/idempotent-post';
import { requireRole } from '../access/require-role';
import { requireFeature } from '../plans/require-feature';
import { createDocument } from './create-document';
import { deleteDocument } from './delete-document';
import { getDocument, listDocuments } from './read-documents';
import { searchKnowledge } from './search-knowledge';
import { uploadDocument } from './upload-document';

export function registerKnowledgeRoutes(router: Router, deps: Deps): void {
  const auth = [authenticate(deps), requireFeature(deps, 'knowledge_base')];
  const manage = requireRole('owner', 'admin');
  const base = '/api/v1/knowledge/documents';

  router.post(base, ...auth, manage, idempotentPost(deps), async (req, res) => {
    const doc = req.is('multipart/form-data')
      ? await uploadDocument(deps, getAuth(res), req)
      : await createDocument(deps, getAuth(res), parseInput(CreateKnowledgeDocumentRequest, req.body));
    res.status(201).location(`${base}/${doc.id}`).json(doc);
  });
  router.get(base, ...auth, async (req, res) => {
    res.json(await listDocuments(deps, getAuth(res).tenantId, parseInput(PageQuery, req.query, 'query')));
  });
  router.get(`${base}/:id`, ...auth, async (req, res) => {
    res.json(await getDocument(deps, getAuth(res).tenantId, String(req.params.id)));
  });
  router.delete(`${base}/:id`, ...auth, manage, async (req, res) => {
    await deleteDocument(deps, getAuth(res), String(req.params.id));
    res.status(204).end();
  });
  router.get('/api/v1/knowledge/search', ...auth, async (req, res) => {
    res.json(await searchKnowledge(deps, getAuth(res).tenantId, parseInput(KnowledgeSearchQuery, req.query, 'query')));
  });
}

import type { Router } from 'express';
import { ConversationListQuery } from '@vocalia/contracts';
import { parseInput } from '@vocalia/service-kit';
import type { Deps } from '../deps';
import { authenticate } from '../access/authenticate';
import { getAuth } from '../access/auth-context';
import { getConversation, listConversations } from './read-conversations';

export function registerConversationRoutes(router: Router, deps: Deps): void {
  const auth = authenticate(deps);
  router.get('/api/v1/conversations', auth, async (req, res) => {
    res.json(await listConversations(deps, getAuth(res).tenantId, parseInput(ConversationListQuery, req.query, 'query')));
  });
  router.get('/api/v1/conversations/:id', auth, async (req, res) => {
    res.json(await getConversation(deps, getAuth(res).tenantId, String(req.params.id)));
  });
}

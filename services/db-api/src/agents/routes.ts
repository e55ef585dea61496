import type { Router } from 'express';
import { CreateAgentRequest, UpdateAgentRequest } from '@vocalia/contracts';
import { parseInput } from '@vocalia/service-kit';
import type { Deps } from '../deps';
import { authenticate } from '../access/authenticate';
import { getAuth } from '../access/auth-context';
import { idempotentPost } from '../access/idempotent-post';
import { requireRole } from '../access/require-role';
import { createAgent } from './create-agent';
import { deleteAgent } from './delete-agent';
import { getAgent, listAgents } from './read-agents';
import { updateAgent } from './update-agent';

export function registerAgentRoutes(router: Router, deps: Deps): void {
  const auth = authenticate(deps);
  const manage = requireRole('owner', 'admin');

  router.get('/api/v1/agents', auth, async (_req, res) => {
    res.json(await listAgents(deps, getAuth(res).tenantId));
  });
  router.post('/api/v1/agents', auth, manage, idempotentPost(deps), async (req, res) => {
    const agent = await createAgent(deps, getAuth(res), parseInput(CreateAgentRequest, req.body));
    res.status(201).location(`/api/v1/agents/${agent.id}`).json(agent);
  });
  router.get('/api/v1/agents/:id', auth, async (req, res) => {
    res.json(await getAgent(deps, getAuth(res).tenantId, String(req.params.id)));
  });
  // PUT is accepted as PATCH: only the fields sent change.
  router.patch('/api/v1/agents/:id', auth, manage, async (req, res) => {
    res.json(await updateAgent(deps, getAuth(res), String(req.params.id), parseInput(UpdateAgentRequest, req.body)));
  });
  router.put('/api/v1/agents/:id', auth, manage, async (req, res) => {
    res.json(await updateAgent(deps, getAuth(res), String(req.params.id), parseInput(UpdateAgentRequest, req.body)));
  });
  router.delete('/api/v1/agents/:id', auth, manage, async (req, res) => {
    await deleteAgent(deps, getAuth(res), String(req.params.id));
    res.status(204).end();
  });
}

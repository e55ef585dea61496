import type { Router } from 'express';
import { CreateWebhookEndpointRequest, ResendFailedDeliveriesRequest, RotateWebhookSecretRequest, UpdateWebhookEndpointRequest, WebhookDeliveryQuery } from '@vocalia/contracts';
import { parseInput } from '@vocalia/service-kit';
import type { Deps } from '../deps';
import { getAuth } from '../access/auth-context';
import { authenticate } from '../access/authenticate';
import { idempotentPost } from '../access/idempotent-post';
import { requireRole } from '../access/require-role';
import { requireFeature } from '../plans/require-feature';
import { createEndpoint } from './create-endpoint';
import { deleteEndpoint } from './delete-endpoint';
import { listDeliveries } from './list-deliveries';
import { getEndpoint, listEndpoints } from './list-endpoints';
import { replayDelivery } from './replay-delivery';
import { resendFailedDeliveries } from './resend-failed-deliveries';
import { rotateEndpointSecret } from './rotate-endpoint-secret';
import { sendTestEvent } from './send-test-event';
import { updateEndpoint } from './update-endpoint';

const base = '/api/v1/webhooks/endpoints';

export function registerWebhookRoutes(router: Router, deps: Deps): void {
  const auth = [authenticate(deps), requireFeature(deps, 'webhooks')];
  const manage = requireRole('owner', 'admin');
  router.get(base, ...auth, async (_req, res) => {
    res.json(await listEndpoints(deps, getAuth(res).tenantId));
  });
  router.post(base, ...auth, manage, async (req, res) => {
    res.status(201).json(await createEndpoint(deps, getAuth(res), parseInput(CreateWebhookEndpointRequest, req.body)));
  });
  router.get(`${base}/:id`, ...auth, async (req, res) => {
    res.json(await getEndpoint(deps, getAuth(res).tenantId, req.params.id as string));
  });
  router.patch(`${base}/:id`, ...auth, manage, async (req, res) => {
    res.json(await updateEndpoint(deps, getAuth(res), req.params.id as string, parseInput(UpdateWebhookEndpointRequest, req.body)));
  });
  router.delete(`${base}/:id`, ...auth, manage, async (req, res) => {
    await deleteEndpoint(deps, getAuth(res), req.params.id as string);
    res.status(204).end();
  });
  router.post(`${base}/:id/rotate-secret`, ...auth, manage, async (req, res) => {
    res.status(201).json(await rotateEndpointSecret(deps, getAuth(res), req.params.id as string, parseInput(RotateWebhookSecretRequest, req.body ?? {})));
  });
  router.get(`${base}/:id/deliveries`, ...auth, async (req, res) => {
    res.json(await listDeliveries(deps, getAuth(res).tenantId, req.params.id as string, parseInput(WebhookDeliveryQuery, req.query, 'query')));
  });
  router.post(`${base}/:id/test`, ...auth, manage, idempotentPost(deps), async (req, res) => {
    res.status(202).json(await sendTestEvent(deps, getAuth(res), req.params.id as string));
  });
  router.post(`${base}/:id/resend-failed`, ...auth, manage, async (req, res) => {
    res.status(202).json(await resendFailedDeliveries(deps, getAuth(res), req.params.id as string, parseInput(ResendFailedDeliveriesRequest, req.body)));
  });
  router.post('/api/v1/webhooks/deliveries/:id/replay', ...auth, manage, idempotentPost(deps), async (req, res) => {
    res.status(202).json(await replayDelivery(deps, getAuth(res), req.params.id as string));
  });
}

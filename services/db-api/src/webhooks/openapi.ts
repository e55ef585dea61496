import {
  CreatedWebhookEndpoint,
  CreateWebhookEndpointRequest,
  ResendFailedDeliveriesRequest,
  ResentDeliveries,
  RotatedWebhookSecret,
  RotateWebhookSecretRequest,
  UpdateWebhookEndpointRequest,
  WebhookDeliveryPage,
  WebhookDeliveryQuery,
  WebhookDeliveryView,
  WebhookEndpointList,
  WebhookEndpointView,
} from '@vocalia/contracts';
import type { RouteDoc } from '../http/route-doc';

const tag = 'Webhooks';
const feature = 'webhooks' as const;
const manage: RouteDoc['roles'] = ['owner', 'admin'];
const base = '/api/v1/webhooks/endpoints';
const resource = 'webhook_endpoint';

export const webhookRouteDocs: RouteDoc[] = [
  { method: 'get', path: base, tag, feature, summary: 'Outbound webhook endpoints (never their secrets)', status: 200, response: WebhookEndpointList },
  { method: 'post', path: base, tag, feature, roles: manage, summary: 'Register an endpoint (https, public address); its whsec_ secret is shown once', body: CreateWebhookEndpointRequest, status: 201, response: CreatedWebhookEndpoint },
  { method: 'get', path: `${base}/:id`, tag, feature, summary: 'One endpoint', status: 200, response: WebhookEndpointView, resource },
  { method: 'patch', path: `${base}/:id`, tag, feature, roles: manage, summary: 'Change URL, event types, description or enabled', body: UpdateWebhookEndpointRequest, status: 200, response: WebhookEndpointView, resource },
  { method: 'delete', path: `${base}/:id`, tag, feature, roles: manage, summary: 'Remove an endpoint and its deliveries', status: 204, response: null, resource },
  { method: 'post', path: `${base}/:id/rotate-secret`, tag, feature, roles: manage, summary: 'New signing secret, shown once; both signatures are sent during the overlap', body: RotateWebhookSecretRequest, status: 201, response: RotatedWebhookSecret, resource },
  { method: 'get', path: `${base}/:id/deliveries`, tag, feature, query: WebhookDeliveryQuery, summary: 'Delivery log of an endpoint, newest first, with every attempt (status code, latency, first 1 KB of the answer)', status: 200, response: WebhookDeliveryPage, resource },
  { method: 'post', path: `${base}/:id/test`, tag, feature, roles: manage, idempotent: true, summary: 'Send a webhook.test event to this endpoint (delivered and logged like any other)', status: 202, response: WebhookDeliveryView, errors: [409], resource },
  { method: 'post', path: `${base}/:id/resend-failed`, tag, feature, roles: manage, summary: 'Attempt every failed delivery created since `since` once more, now, oldest first (500 per call; `more` = call again)', body: ResendFailedDeliveriesRequest, status: 202, response: ResentDeliveries, errors: [409], resource },
  { method: 'post', path: '/api/v1/webhooks/deliveries/:id/replay', tag, feature, roles: manage, idempotent: true, summary: 'Attempt a delivered or failed delivery once more, now, with the same webhook-id', status: 202, response: WebhookDeliveryView, errors: [409], resource: 'webhook_delivery' },
];

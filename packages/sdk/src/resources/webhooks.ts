import type { z } from 'zod';
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
import type { HttpRequest, IdempotentOptions, QueryValue } from '../http';

const seg = encodeURIComponent;
type Query<S extends z.ZodType> = { [K in keyof z.input<S>]?: QueryValue };
const base = '/api/v1/webhooks/endpoints';

export function webhooksResource(request: HttpRequest) {
  return {
    endpoints: {
      list: () => request({ method: 'GET', path: base, response: WebhookEndpointList }),
      create: (input: z.input<typeof CreateWebhookEndpointRequest>) => request({ method: 'POST', path: base, body: input, response: CreatedWebhookEndpoint }),
      get: (id: string) => request({ method: 'GET', path: `${base}/${seg(id)}`, response: WebhookEndpointView }),
      update: (id: string, input: z.input<typeof UpdateWebhookEndpointRequest>) => request({ method: 'PATCH', path: `${base}/${seg(id)}`, body: input, response: WebhookEndpointView }),
      remove: (id: string) => request({ method: 'DELETE', path: `${base}/${seg(id)}`, response: null }),
      rotateSecret: (id: string, input: z.input<typeof RotateWebhookSecretRequest> = {}) =>
        request({ method: 'POST', path: `${base}/${seg(id)}/rotate-secret`, body: input, response: RotatedWebhookSecret }),
      deliveries: (id: string, query: Query<typeof WebhookDeliveryQuery> = {}) =>
        request({ method: 'GET', path: `${base}/${seg(id)}/deliveries`, query, response: WebhookDeliveryPage }),
      sendTestEvent: (id: string, opts: IdempotentOptions = {}) => request({ method: 'POST', path: `${base}/${seg(id)}/test`, response: WebhookDeliveryView, ...opts }),
      resendFailed: (id: string, input: z.input<typeof ResendFailedDeliveriesRequest>) =>
        request({ method: 'POST', path: `${base}/${seg(id)}/resend-failed`, body: input, response: ResentDeliveries }),
    },
    deliveries: {
      replay: (id: string, opts: IdempotentOptions = {}) => request({ method: 'POST', path: `/api/v1/webhooks/deliveries/${seg(id)}/replay`, response: WebhookDeliveryView, ...opts }),
    },
  };
}

import type { z } from 'zod';
import {
  CreatedWebhookEndpoint,
  CreateWebhookEndpointRequest,
  RotatedWebhookSecret,
  RotateWebhookSecretRequest,
  UpdateWebhookEndpointRequest,
  WebhookEndpointList,
  WebhookEndpointView,
} from '@vocalia/contracts';
import type { HttpRequest } from '../http';

const seg = encodeURIComponent;
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
    },
  };
}

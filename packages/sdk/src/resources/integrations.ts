import type { z } from 'zod';
import { AbandonedCheckoutList, ConnectIntegrationRequest, IntegrationList, IntegrationView, ShopOrderList } from '@vocalia/contracts';
import type { HttpRequest } from '../http';

const base = '/api/v1/integrations';

export function integrationsResource(request: HttpRequest) {
  return {
    list: () => request({ method: 'GET', path: base, response: IntegrationList }),
    /** The secret is sent once and never returned. */
    connect: (input: z.input<typeof ConnectIntegrationRequest>) => request({ method: 'POST', path: base, body: input, response: IntegrationView }),
    disconnect: (id: string) => request({ method: 'DELETE', path: `${base}/${encodeURIComponent(id)}`, response: null }),
  };
}

export function shopResource(request: HttpRequest) {
  return {
    orders: () => request({ method: 'GET', path: '/api/v1/shop/orders', response: ShopOrderList }),
    abandonedCheckouts: () => request({ method: 'GET', path: '/api/v1/shop/abandoned-checkouts', response: AbandonedCheckoutList }),
  };
}

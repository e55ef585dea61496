import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';

export interface StripeCall {
  method: string;
  path: string;
  /** Form body (POST) or query (GET), flattened as the SDK encodes it: `line_items[0][price]`. */
  params: Record<string, string>;
  idempotencyKey?: string;
}

export interface FakeStripe {
  /** For STRIPE_API_BASE. */
  url: string;
  calls: StripeCall[];
  callsTo(method: string, path: string | RegExp): StripeCall[];
  /** Answer the next `count` meter event calls with this status (500: server error; 0: hang past the client timeout). */
  failMeterEvents(count: number, status: number): void;
  close(): Promise<void>;
}

type Json = Record<string, unknown>;

/** A local server speaking the part of Stripe's REST API db-api calls, with Stripe's idempotency-key replay. */
export async function startFakeStripe(): Promise<FakeStripe> {
  const calls: StripeCall[] = [];
  const replays = new Map<string, { status: number; body: Json }>();
  const prices: Json[] = [];
  const meters: Json[] = [];
  let seq = 0;
  let meterFailures: { count: number; status: number } = { count: 0, status: 500 };
  const id = (prefix: string) => `${prefix}_${(++seq).toString().padStart(6, '0')}`;

  const handle = (call: StripeCall): { status: number; body: Json } => {
    const p = call.params;
    const created = Math.floor(Date.now() / 1000);
    if (call.method === 'POST' && call.path === '/v1/customers') return { status: 200, body: { id: id('cus'), object: 'customer', name: p.name, email: p.email ?? null, metadata: { tenantId: p['metadata[tenantId]'] } } };
    if (call.method === 'GET' && call.path === '/v1/prices') {
      const keys = Object.entries(p).filter(([k]) => k.startsWith('lookup_keys')).map(([, v]) => v);
      return { status: 200, body: { object: 'list', url: '/v1/prices', has_more: false, data: prices.filter((x) => keys.includes(String(x.lookup_key))) } };
    }
    if (call.method === 'POST' && call.path === '/v1/products') return { status: 200, body: { id: id('prod'), object: 'product', name: p.name } };
    if (call.method === 'POST' && call.path === '/v1/prices') {
      const unitAmount = p.unit_amount === undefined ? null : Number(p.unit_amount);
      const recurring = { interval: p['recurring[interval]'], usage_type: p['recurring[usage_type]'] ?? 'licensed', meter: p['recurring[meter]'] ?? null };
      const price = { id: id('price'), object: 'price', product: p.product, currency: p.currency, unit_amount: unitAmount, unit_amount_decimal: p.unit_amount_decimal ?? String(unitAmount), lookup_key: p.lookup_key, recurring, active: true };
      prices.push(price);
      return { status: 200, body: price };
    }
    if (call.method === 'GET' && call.path === '/v1/billing/meters') return { status: 200, body: { object: 'list', url: '/v1/billing/meters', has_more: false, data: meters } };
    if (call.method === 'POST' && call.path === '/v1/billing/meters') {
      const meter = {
        id: id('mtr'),
        object: 'billing.meter',
        status: 'active',
        display_name: p.display_name,
        event_name: p.event_name,
        default_aggregation: { formula: p['default_aggregation[formula]'] },
        customer_mapping: { type: p['customer_mapping[type]'], event_payload_key: p['customer_mapping[event_payload_key]'] },
        value_settings: { event_payload_key: p['value_settings[event_payload_key]'] },
      };
      meters.push(meter);
      return { status: 200, body: meter };
    }
    if (call.method === 'POST' && call.path === '/v1/checkout/sessions') {
      const sid = id('cs');
      return { status: 200, body: { id: sid, object: 'checkout.session', mode: p.mode, customer: p.customer, url: `https://checkout.stripe.test/c/pay/${sid}` } };
    }
    if (call.method === 'POST' && call.path === '/v1/billing_portal/sessions') return { status: 200, body: { id: id('bps'), object: 'billing_portal.session', customer: p.customer, url: `https://billing.stripe.test/p/session/${seq}` } };
    const sub = /^\/v1\/subscriptions\/([^/]+)$/.exec(call.path);
    if (call.method === 'POST' && sub) {
      const end = created + 20 * 86_400;
      return { status: 200, body: { id: sub[1], object: 'subscription', status: 'active', cancel_at_period_end: p.cancel_at_period_end === 'true', cancel_at: p.cancel_at_period_end === 'true' ? end : null, items: { object: 'list', data: [{ id: 'si_1', current_period_start: created, current_period_end: end }] } } };
    }
    if (call.method === 'GET' && call.path === '/v1/invoices') {
      const data = [{ id: 'in_fake_1', object: 'invoice', number: 'VOC-0001', status: 'paid', currency: 'eur', total: 9900, amount_paid: 9900, created, customer: p.customer, hosted_invoice_url: 'https://invoice.stripe.test/i/1', invoice_pdf: null }];
      return { status: 200, body: { object: 'list', url: '/v1/invoices', has_more: false, data } };
    }
    if (call.method === 'POST' && call.path === '/v1/billing/meter_events') {
      return { status: 200, body: { object: 'billing.meter_event', event_name: p.event_name, identifier: p.identifier, payload: { stripe_customer_id: p['payload[stripe_customer_id]'], value: p['payload[value]'] }, timestamp: Number(p.timestamp), created } };
    }
    return { status: 404, body: { error: { type: 'invalid_request_error', message: `Unrecognized request URL (${call.method}: ${call.path})` } } };
  };

  const server = createServer((req: IncomingMessage, res: ServerResponse) => {
    let raw = '';
    req.on('data', (c: Buffer) => (raw += c.toString('utf8')));
    req.on('end', () => {
      const url = new URL(req.url ?? '/', 'http://fake');
      const source = req.method === 'GET' ? url.searchParams : new URLSearchParams(raw);
      const params = Object.fromEntries(source.entries());
      const key = req.headers['idempotency-key'];
      const call: StripeCall = { method: req.method ?? 'GET', path: url.pathname, params, ...(typeof key === 'string' ? { idempotencyKey: key } : {}) };
      calls.push(call);
      if (call.path === '/v1/billing/meter_events' && meterFailures.count > 0) {
        meterFailures.count -= 1;
        if (meterFailures.status === 0) return; // never answers: the client times out
        res.writeHead(meterFailures.status, { 'content-type': 'application/json' }).end(JSON.stringify({ error: { type: 'api_error', message: 'fake failure' } }));
        return;
      }
      const replayKey = call.idempotencyKey ? `${call.method} ${call.path} ${call.idempotencyKey}` : null;
      const answer = (replayKey && replays.get(replayKey)) || handle(call);
      if (replayKey) replays.set(replayKey, answer);
      res.writeHead(answer.status, { 'content-type': 'application/json', 'request-id': `req_${seq}` }).end(JSON.stringify(answer.body));
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    calls,
    callsTo: (method, path) => calls.filter((c) => c.method === method && (typeof path === 'string' ? c.path === path : path.test(c.path))),
    failMeterEvents(count, status) {
      meterFailures = { count, status };
    },
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}

import type { AddressInfo } from 'node:net';
import { closeServer, listen } from '@vocalia/service-kit';
import { startHarness, type Harness } from './support/harness';
import { parseSse } from './support/sse';
import { snapshotFor } from '@vocalia/conversation/testing';

const SHOP = 'https://shop.example.com';
let h: Harness;

beforeAll(async () => {
  h = await startHarness('shutdown');
  h.addTenant(snapshotFor({ id: 'acme', origins: [SHOP] }));
});
afterAll(() => h.close());

describe('shutdown', () => {
  it('when the server is told to stop during a streamed answer, then the stream still ends with its done event and the server closes right after', async () => {
    const server = await listen(h.app, 0, undefined, '127.0.0.1');
    // A kept-alive socket left open would hold close() far beyond this test's timeout: closing at all proves it was closed once its answer ended.
    server.keepAliveTimeout = 10 * 60_000;
    const order: string[] = [];
    server.on('request', (_req, res) => res.once('finish', () => order.push(`answer ${_req.url} sent`)));
    const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
    h.engine.delayMs = 40;
    try {
      const res = await fetch(`${url}/respond`, {
        method: 'POST',
        headers: { Origin: SHOP, Authorization: `Bearer ${h.tokenFor('acme', SHOP)}`, 'Content-Type': 'application/json', Accept: 'text/event-stream' },
        body: JSON.stringify({ tenantId: 'acme', sessionId: 'session-shutdown-1', message: 'tell me a long story please' }),
      });
      expect(res.status).toBe(200);
      const closing = closeServer(server).then(() => order.push('server closed'));
      order.push('close requested');
      const text = await res.text();
      await closing;
      const events = parseSse(text);
      expect(events.at(-1)?.event).toBe('done');
      expect(events.filter((e) => e.event === 'token').length).toBeGreaterThan(3);
      expect(order).toEqual(['close requested', 'answer /respond sent', 'server closed']);
      await expect(fetch(`${url}/health`)).rejects.toThrow();
    } finally {
      h.engine.delayMs = 0;
      server.closeAllConnections();
    }
  });
});

import { setTimeout as sleep } from 'node:timers/promises';
import type { Client } from 'pg';
import { eventually, onboardIntegrator, pageClient, startFleet, type Fleet, type Integrator } from '@vocalia/e2e/test/support';
import type { RunningDeliveries } from '@vocalia/webhook-router';
import { connectFleetDatabase } from './support/fleet-database';
import { ownServices } from './support/services';
import { startWebhookDeliveries } from './support/start-webhook-deliveries';
import { startWebhookReceiver, type WebhookReceiver } from './support/webhook-receiver';

const SITE = 'https://www.redis-restart.example';
const VISITORS = 4;

/** Visitors chatting in a loop until told to stop; each message text is unique, so its rows can be counted. */
function chatUntilStopped(edgeUrl: string, tenantId: string, token: string, visitor: number, accepted: string[], stop: { now: boolean }): Promise<void> {
  const page = pageClient(edgeUrl, SITE);
  const sessionId = `sess_redis_restart_${visitor}`;
  return (async () => {
    for (let turn = 0; !stop.now; turn += 1) {
      const message = `Bonjour, quels sont vos horaires ? visiteur ${visitor} tour ${turn}`;
      const res = await page.respond(token, { tenantId, sessionId, message }).catch(() => undefined);
      if (res?.status === 200) accepted.push(message);
      else await sleep(50);
      await res?.text().catch(() => undefined);
    }
  })();
}

describe('Redis killed (kill -9, data lost) and started again while chats, usage events and webhook deliveries are in flight', () => {
  let fleet: Fleet;
  let shop: Integrator;
  let receiver: WebhookReceiver;
  let deliveries: RunningDeliveries;
  let db: Client;

  beforeAll(async () => {
    fleet = await startFleet({ name: 'redis-restart', dbApiEnv: { WEBHOOK_ALLOW_PRIVATE_TARGETS: 'true' } });
    shop = await onboardIntegrator(fleet.edgeUrl, { origins: [SITE], languages: ['fr'] });
    await shop.client.plans.change('pro');
    receiver = await startWebhookReceiver();
    await shop.client.webhooks.endpoints.create({ url: receiver.url, eventTypes: ['conversation.turn'] });
    db = await connectFleetDatabase();
    deliveries = startWebhookDeliveries(connectionUrl(db), fleet.queuePrefix);
  }, 90_000);

  afterAll(async () => {
    await deliveries?.close();
    await db?.end();
    await receiver?.close();
    await fleet?.close();
  });

  it('then every accepted turn is stored once, its usage counted once and its webhook delivered once', async () => {
    const token = await pageClient(fleet.edgeUrl, SITE).sessionToken(shop.tenantId);
    const accepted: string[] = [];
    const stop = { now: false };
    const visitors = Array.from({ length: VISITORS }, (_, v) => chatUntilStopped(fleet.edgeUrl, shop.tenantId, token, v, accepted, stop));

    await eventually(() => expect(accepted.length).toBeGreaterThan(12), 20_000);
    await ownServices().redis.kill();
    await sleep(1000);
    await ownServices().redis.start();
    const beforeRestart = accepted.length;
    await eventually(() => expect(accepted.length).toBeGreaterThan(beforeRestart + 12), 30_000);
    stop.now = true;
    await Promise.all(visitors);

    const turns = accepted.length;
    await eventually(async () => {
      const stored = await db.query<{ text: string; n: number }>("SELECT text, count(*)::int AS n FROM messages WHERE role = 'user' GROUP BY text");
      const counts = new Map(stored.rows.map((r) => [r.text, r.n]));
      expect(accepted.filter((m) => counts.get(m) !== 1)).toEqual([]);
      expect(stored.rows.length).toBe(turns);
      const answers = await db.query<{ n: number }>("SELECT count(*)::int AS n FROM messages WHERE role = 'assistant'");
      expect(answers.rows[0]!.n).toBe(turns);
      const usage = await db.query<{ n: number; q: string }>("SELECT count(*)::int AS n, sum(quantity)::text AS q FROM usage_records WHERE kind = 'api_call'");
      expect(usage.rows[0]).toEqual({ n: turns, q: `${turns}.000` });
    }, 30_000, 500);
    await eventually(async () => {
      const rows = await db.query<{ status: string; n: number }>("SELECT status::text, count(*)::int AS n FROM webhook_deliveries WHERE event_type = 'conversation.turn' GROUP BY status");
      expect(rows.rows).toEqual([{ status: 'delivered', n: turns }]);
      expect(receiver.received.size).toBe(turns);
      expect([...receiver.received.values()].filter((n) => n !== 1)).toEqual([]);
    }, 30_000, 500);
  }, 120_000);
});

function connectionUrl(client: Client): string {
  const url = new URL(ownServices().postgres.url);
  url.pathname = `/${client.database ?? ''}`;
  return url.toString();
}

import { startPgBouncer, type PgBouncer } from '@vocalia/db/testing';
import { startReceiver, type Receiver } from './support/receiver';
import { startDeliveryTestApp, type DeliveryTestApp } from './support/delivery-app';

/**
 * webhook-router writes delivery attempts to PostgreSQL itself, so it goes through the same PgBouncer as
 * db-api's replicas (docs/operations.md). Before PgBouncer 1.21 a statement prepared in one transaction
 * is unknown, or already known, on the server connection the next one gets: DB_PREPARED_STATEMENTS=false
 * must reach its raw claim and record statements as well as Prisma's.
 */
describe('webhook deliveries through PgBouncer in transaction mode', () => {
  let pooler: PgBouncer;
  let t: DeliveryTestApp;
  let receiver: Receiver;
  beforeAll(async () => {
    pooler = await startPgBouncer({ poolSize: 1 });
    t = await startDeliveryTestApp({ DB_PREPARED_STATEMENTS: 'false', DB_POOL_SIZE: '4' }, { retryDelaysMs: [20, 20], jitter: (ms) => ms }, (url) => pooler.urlFor(url));
  });
  afterAll(async () => {
    await receiver?.close();
    await t?.stop();
    await pooler?.stop();
  });

  it('when DB_PREPARED_STATEMENTS=false, then concurrent deliveries are claimed, delivered once each and recorded', async () => {
    const ep = await t.endpoint('http://placeholder');
    receiver = await startReceiver(ep.secret);
    await t.deps.prisma.webhookEndpoint.update({ where: { id: ep.endpointId }, data: { url: receiver.url } });
    const deliveries = await Promise.all(Array.from({ length: 20 }, () => t.delivery(ep)));
    const rows = await Promise.all(deliveries.map((d) => t.settled(d.id)));
    expect(rows.map((r) => [r.status, r.attempts])).toEqual(Array(20).fill(['delivered', 1]));
    expect(new Set(receiver.received.map((r) => r.headers['webhook-id'])).size).toBe(20);
    expect(receiver.received).toHaveLength(20);
    expect(await t.deps.prisma.webhookAttempt.count({ where: { deliveryId: { in: deliveries.map((d) => d.id) } } })).toBe(20);
  });
});

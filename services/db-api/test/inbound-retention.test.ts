import { purgeInboundPayloads } from '../src/inbound/purge-inbound-payloads';
import { startTestApp, type TestApp } from './support';

const DAY_MS = 86_400_000;

describe('retention of inbound provider bodies', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await startTestApp({ workers: false, env: { INBOUND_PAYLOAD_RETENTION_DAYS: '10' } });
  });
  afterAll(() => t.close());

  it('when an event was processed longer ago than the retention, then its body is cleared and the row kept; newer and unprocessed ones keep theirs', async () => {
    const s = await t.register();
    const now = t.deps.clock().getTime();
    const event = (id: string, processedAt: Date | null) =>
      t.deps.prisma.inboundEvent.create({ data: { tenantId: s.tenantId, provider: 'shopify', providerEventId: `${id}-${s.tenantId}`, type: 'orders/create', payload: { email: `${id}@example.test`, phone: '+212612345678' }, receivedAt: new Date(now - 20 * DAY_MS), processedAt } });
    const old = await event('old', new Date(now - 11 * DAY_MS));
    const recent = await event('recent', new Date(now - 9 * DAY_MS));
    const pending = await event('pending', null);

    expect(await purgeInboundPayloads(t.deps)).toBe(1);
    expect(await purgeInboundPayloads(t.deps)).toBe(0);
    const rows = new Map((await t.deps.prisma.inboundEvent.findMany({ where: { tenantId: s.tenantId } })).map((r) => [r.id, r]));
    expect(rows.get(old.id)).toMatchObject({ payload: {}, providerEventId: old.providerEventId, processedAt: old.processedAt });
    expect(rows.get(recent.id)?.payload).toEqual(recent.payload);
    expect(rows.get(pending.id)?.payload).toEqual(pending.payload);
  });

  it('when more bodies are due than one statement clears, then one pass clears them all', async () => {
    const s = await t.register();
    const processedAt = new Date(t.deps.clock().getTime() - 30 * DAY_MS);
    await t.deps.prisma.inboundEvent.createMany({
      data: Array.from({ length: 1203 }, (_, i) => ({ tenantId: s.tenantId, provider: 'hubspot', providerEventId: `bulk-${i}-${s.tenantId}`, type: 'contact.creation', payload: { email: `c${i}@example.test` }, processedAt })),
    });
    expect(await purgeInboundPayloads(t.deps)).toBe(1203);
    expect(await t.deps.prisma.inboundEvent.count({ where: { tenantId: s.tenantId, payload: { equals: {} } } })).toBe(1203);
  });
});

import { setTimeout as sleep } from 'node:timers/promises';
import type { Client } from 'pg';
import { eventually, onboardIntegrator, pageClient, startFleet, type Fleet, type Integrator } from '@vocalia/e2e/test/support';
import { connectFleetDatabase } from './support/fleet-database';
import { ownServices } from './support/services';

const SITE = 'https://www.postgres-stop.example';
const OUTAGE_MS = 10_000;

async function readyStatus(dbApiUrl: string): Promise<number> {
  const res = await fetch(`${dbApiUrl}/ready`, { signal: AbortSignal.timeout(5000) });
  await res.arrayBuffer();
  return res.status;
}

describe('PostgreSQL stopped for 10 s under a fleet serving widgets', () => {
  let fleet: Fleet;
  let shop: Integrator;

  beforeAll(async () => {
    fleet = await startFleet({ name: 'postgres-stop' });
    shop = await onboardIntegrator(fleet.edgeUrl, { origins: [SITE], languages: ['fr'] });
    // Pro answers 60 messages a minute: the outage's pace stays under it.
    await shop.client.plans.change('pro');
  }, 90_000);
  afterAll(() => fleet?.close());

  it('then the widget keeps answering, db-api /ready says 503 meanwhile, and every turn is stored once when it returns', async () => {
    const page = pageClient(fleet.edgeUrl, SITE);
    const token = await page.sessionToken(shop.tenantId);
    const accepted: string[] = [];
    const refused: string[] = [];
    const ask = async (message: string) => {
      const res = await page.respond(token, { tenantId: shop.tenantId, sessionId: 'sess_postgres_stop', message }).catch((err: unknown) => ({ status: 0, text: () => Promise.resolve(String(err)) }));
      const body = await res.text();
      if (res.status === 200) accepted.push(message);
      else refused.push(`${message}: ${res.status} ${body}`);
    };
    await ask('Bonjour, quels sont vos horaires ? avant la panne');
    expect(await readyStatus(fleet.dbApiUrl)).toBe(200);

    await ownServices().postgres.stop();
    const outageEnds = Date.now() + OUTAGE_MS;
    const readyDuringOutage: number[] = [];
    for (let n = 0; Date.now() < outageEnds; n += 1) {
      await ask(`Bonjour, quels sont vos horaires ? pendant la panne ${n}`);
      const config = await page.config(shop.tenantId);
      expect(config.status).toBe(200);
      readyDuringOutage.push(await readyStatus(fleet.dbApiUrl));
      await sleep(400);
    }
    await ownServices().postgres.start();
    await eventually(async () => expect(await readyStatus(fleet.dbApiUrl)).toBe(200), 30_000, 250);
    await ask('Bonjour, quels sont vos horaires ? après la panne');

    expect(refused).toEqual([]);
    expect(readyDuringOutage.length).toBeGreaterThan(3);
    expect(readyDuringOutage.slice(1).every((s) => s === 503)).toBe(true);

    const db: Client = await connectFleetDatabase();
    try {
      await eventually(async () => {
        const stored = await db.query<{ text: string; n: number }>("SELECT text, count(*)::int AS n FROM messages WHERE role = 'user' GROUP BY text");
        const counts = new Map(stored.rows.map((r) => [r.text, r.n]));
        expect(accepted.filter((m) => counts.get(m) !== 1)).toEqual([]);
        expect(stored.rows.length).toBe(accepted.length);
        const usage = await db.query<{ n: number }>("SELECT count(*)::int AS n FROM usage_records WHERE kind = 'api_call'");
        expect(usage.rows[0]!.n).toBe(accepted.length);
      }, 40_000, 500);
    } finally {
      await db.end();
    }
  }, 120_000);
});

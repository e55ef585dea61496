import { setTimeout as sleep } from 'node:timers/promises';
import type { Client } from 'pg';
import { eventually, onboardIntegrator, pageClient, startFleet, type Fleet, type Integrator } from '@vocalia/e2e/test/support';
import type { RunningDeliveries } from '@vocalia/webhook-router';
import { startFakeTwilio, type FakeTwilio } from '@vocalia/db-api/test/support/fake-twilio';
import { connectFleetDatabase } from './support/fleet-database';
import { askAndHangUp, callUntilStopped, ring, type AcceptedCalls, type TwilioLine } from './support/phone-caller';
import { ownServices } from './support/services';
import { startWebhookDeliveries } from './support/start-webhook-deliveries';
import { startWebhookReceiver, type WebhookReceiver } from './support/webhook-receiver';

const SITE = 'https://www.redis-restart.example';
const VISITORS = 4;
const CALLERS = 2;
/** Calls picked up before Redis dies and carried on after it returns empty: their state is gone with it. */
const HELD_CALLS = 3;
const LINE = '+212522000201';

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

describe('Redis killed (kill -9, data lost) and started again while chats, phone calls, usage events and webhook deliveries are in flight', () => {
  let fakeTwilio: FakeTwilio;
  let line: TwilioLine;
  let fleet: Fleet;
  let shop: Integrator;
  let receiver: WebhookReceiver;
  let deliveries: RunningDeliveries;
  let db: Client;

  beforeAll(async () => {
    fakeTwilio = await startFakeTwilio();
    fakeTwilio.forSale.set('MA', [LINE]);
    fleet = await startFleet({ name: 'redis-restart', dbApiEnv: { WEBHOOK_ALLOW_PRIVATE_TARGETS: 'true', ...fakeTwilio.env }, twilioEnv: fakeTwilio.env });
    shop = await onboardIntegrator(fleet.edgeUrl, { origins: [SITE], languages: ['fr'] });
    await shop.client.plans.change('telephony');
    const { number } = await shop.client.phoneNumbers.buy({ number: LINE });
    line = { edgeUrl: fleet.edgeUrl, accountSid: fakeTwilio.accountSid, authToken: fakeTwilio.authToken, number };
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
    await fakeTwilio?.close();
  });

  it('then every accepted turn is stored once, every ended call recorded and billed once, its usage counted once and its webhook delivered once', async () => {
    const token = await pageClient(fleet.edgeUrl, SITE).sessionToken(shop.tenantId);
    const accepted: string[] = [];
    const calls: AcceptedCalls = { questions: [], ended: new Map() };
    const stop = { now: false };
    const visitors = Array.from({ length: VISITORS }, (_, v) => chatUntilStopped(fleet.edgeUrl, shop.tenantId, token, v, accepted, stop));
    const callers = Array.from({ length: CALLERS }, (_, c) => callUntilStopped(line, c, calls, stop));

    await eventually(() => expect(accepted.length > 12 && calls.ended.size > 3).toBe(true), 20_000);
    const held = await Promise.all(Array.from({ length: HELD_CALLS }, (_, c) => ring(line, CALLERS + c)));
    expect(held.every(Boolean)).toBe(true);
    await ownServices().redis.kill();
    await sleep(1000);
    await ownServices().redis.start();
    const [chatsBefore, callsBefore] = [accepted.length, calls.ended.size];
    await eventually(() => expect(accepted.length > chatsBefore + 12 && calls.ended.size > callsBefore + 3).toBe(true), 30_000);
    stop.now = true;
    await Promise.all([...visitors, ...callers]);
    // Each held call goes on as if nothing happened: the caller asks, then hangs up; both must be taken.
    const ended = calls.ended.size;
    for (const [c, call] of held.entries()) await askAndHangUp(call!, `Et le dimanche ? appel tenu ${c}`, 60 + c, calls);
    expect(held.every((call) => call && calls.ended.has(call.callSid))).toBe(true);
    expect([calls.ended.size - ended, calls.questions.filter((q) => q.startsWith('Et le dimanche')).length]).toEqual([HELD_CALLS, HELD_CALLS]);

    const turns = accepted.length;
    const phoneTurns = calls.questions.length;
    /** Each user text of the channel's conversations with how many times it is stored, and the channel's answers. */
    const stored = async (channel: 'widget' | 'phone') => {
      const texts = await db.query<{ text: string; n: number }>(
        "SELECT m.text, count(*)::int AS n FROM messages m JOIN conversations c ON c.id = m.conversation_id WHERE m.role = 'user' AND c.channel::text = $1 GROUP BY m.text",
        [channel],
      );
      const answers = await db.query<{ n: number }>("SELECT count(*)::int AS n FROM messages m JOIN conversations c ON c.id = m.conversation_id WHERE m.role = 'assistant' AND c.channel::text = $1", [channel]);
      return { counts: new Map(texts.rows.map((r) => [r.text, r.n])), texts: texts.rows.length, answers: answers.rows[0]!.n };
    };
    await eventually(async () => {
      const chat = await stored('widget');
      expect(accepted.filter((m) => chat.counts.get(m) !== 1)).toEqual([]);
      expect([chat.texts, chat.answers]).toEqual([turns, turns]);
      const phone = await stored('phone');
      expect(calls.questions.filter((q) => phone.counts.get(q) !== 1)).toEqual([]);
      expect([phone.texts, phone.answers]).toEqual([phoneTurns, phoneTurns]);
      const usage = await db.query<{ n: number; q: string }>("SELECT count(*)::int AS n, sum(quantity)::text AS q FROM usage_records WHERE kind = 'api_call'");
      expect(usage.rows[0]).toEqual({ n: turns + phoneTurns, q: `${turns + phoneTurns}.000` });
    }, 30_000, 500);
    await eventually(async () => {
      const sids = [...calls.ended.keys()];
      const ended = await db.query<{ call_sid: string; status: string; duration_sec: number }>('SELECT call_sid, status, duration_sec FROM calls WHERE call_sid = ANY($1)', [sids]);
      expect(new Map(ended.rows.map((r) => [r.call_sid, [r.status, r.duration_sec]]))).toEqual(new Map(sids.map((sid) => [sid, ['completed', calls.ended.get(sid)]])));
      const billed = await db.query<{ event_id: string; q: string }>("SELECT event_id, quantity::text AS q FROM usage_records WHERE kind = 'telephony_seconds'");
      const seconds = new Map(billed.rows.map((r) => [r.event_id, r.q]));
      expect(sids.filter((sid) => seconds.get(`tel_${sid}`) !== `${calls.ended.get(sid)}.000`)).toEqual([]);
    }, 30_000, 500);
    await eventually(async () => {
      const rows = await db.query<{ status: string; n: number }>("SELECT status::text, count(*)::int AS n FROM webhook_deliveries WHERE event_type = 'conversation.turn' GROUP BY status");
      expect(rows.rows).toEqual([{ status: 'delivered', n: turns + phoneTurns }]);
      expect(receiver.received.size).toBe(turns + phoneTurns);
      expect([...receiver.received.values()].filter((n) => n !== 1)).toEqual([]);
    }, 30_000, 500);
  }, 120_000);
});

function connectionUrl(client: Client): string {
  const url = new URL(ownServices().postgres.url);
  url.pathname = `/${client.database ?? ''}`;
  return url.toString();
}

import request from 'supertest';
import type { Redis } from '@vocalia/service-kit';
import { startHarness, waitReady, type Harness } from './support/harness';
import { recordSocketWrites, snapshotFor } from '@vocalia/conversation/testing';

const SHOP = 'https://shop.example.com';
let h: Harness;

interface Traffic {
  /** Command names each connection sent, in order. */
  commands: string[][];
  /** Socket writes each connection made (commands corked together are one). */
  writes: number[];
}

/** What each connection sends while `work` runs and until the event-loop turn after it. */
async function trafficDuring(connections: Redis[], work: () => Promise<unknown>): Promise<Traffic> {
  const traffic: Traffic = { commands: connections.map(() => []), writes: [] };
  const sockets = connections.map((redis) => recordSocketWrites(redis));
  const spies = connections.map((redis, i) => {
    const send = redis.sendCommand.bind(redis);
    return jest.spyOn(redis, 'sendCommand').mockImplementation((command, ...rest) => {
      traffic.commands[i]!.push(command.name);
      return send(command, ...rest);
    });
  });
  try {
    await work();
    await new Promise((resolve) => setImmediate(resolve));
  } finally {
    for (const spy of spies) spy.mockRestore();
    for (const socket of sockets) socket.restore();
  }
  return { ...traffic, writes: sockets.map((s) => s.writes.length) };
}

beforeAll(async () => {
  h = await startHarness('round-trips', { limits: { windowSec: 60, ipPoints: 4, tenantPoints: () => 1000, now: () => 1_800_000_000_000 } });
  h.addTenant(snapshotFor({ id: 'acme', plan: 'pro', origins: [SHOP] }));
});
afterAll(() => h.close());

const respond = (ip: string, body: Record<string, unknown>) =>
  request(h.app).post('/respond').set('Origin', SHOP).set('X-Forwarded-For', ip).set('Authorization', `Bearer ${h.tokenFor('acme', SHOP)}`).send(body);

describe('/respond hot path', () => {
  it('when the tenant is in memory, then a turn waits on one Redis round trip (limits and session in one script) and its history and jobs follow in one write', async () => {
    await respond('192.0.2.1', { tenantId: 'acme', sessionId: 'session-hot-1', message: 'first' }).expect(200);
    const traffic = await trafficDuring([h.redis, h.producerRedis], () => respond('192.0.2.1', { tenantId: 'acme', sessionId: 'session-hot-1', message: 'second' }).expect(200));
    // The admission script, then one write: the history script and the turn's two jobs (turn, api_call).
    expect(traffic.commands).toEqual([[], ['evalsha', 'evalsha', 'evalsha', 'evalsha']]);
    expect(traffic.writes).toEqual([0, 2]);
    expect(h.engine.inputs.at(-1)?.history.map((t) => t.text)).toEqual(['first', 'You said: first (history 0)']);
    const third = await respond('192.0.2.1', { tenantId: 'acme', sessionId: 'session-hot-1', message: 'third' }).expect(200);
    expect(third.body.answer).toBe('You said: third (history 4)');
  });

  it('when one address sends turns and refused requests, then every one counts against its limit and the fifth gets 429', async () => {
    const ip = '192.0.2.2';
    const first = await respond(ip, { tenantId: 'acme', sessionId: 'session-ip-1', message: 'hi' }).expect(200);
    expect(first.headers['ratelimit-remaining']).toBe('3');
    await respond(ip, { tenantId: 'acme', sessionId: 'bad id!', message: 'hi' }).expect(400);
    await respond(ip, { tenantId: 'ghost', sessionId: 'session-ip-2', message: 'hi' }).expect(404);
    const fourth = await respond(ip, { tenantId: 'acme', sessionId: 'session-ip-3', message: 'hi' }).expect(200);
    expect(fourth.headers['ratelimit-remaining']).toBe('0');
    const refused = await respond(ip, { tenantId: 'acme', sessionId: 'session-ip-4', message: 'hi' }).expect(429);
    expect(refused.body.detail).toContain('Too many requests from this address: the limit is 4 per 60 s');
    const badAndLimited = await respond(ip, { tenantId: 'acme', sessionId: 'bad id!', message: 'hi' }).expect(429);
    expect(badAndLimited.body.code).toBe('RATE_LIMITED');
  });

  it('when Redis is unreachable, then turns are still answered, without history, and limited in memory', async () => {
    h.redis.disconnect();
    h.producerRedis.disconnect();
    try {
      for (let i = 0; i < 4; i++) {
        const res = await respond('192.0.2.3', { tenantId: 'acme', sessionId: 'session-down-1', message: `m${i}` }).expect(200);
        expect(res.body.answer).toBe(`You said: m${i} (history 0)`);
      }
      await respond('192.0.2.3', { tenantId: 'acme', sessionId: 'session-down-1', message: 'again' }).expect(429);
    } finally {
      await Promise.all([h.redis.connect(), h.producerRedis.connect()]);
      await Promise.all([waitReady(h.redis), waitReady(h.producerRedis)]);
    }
  });
});

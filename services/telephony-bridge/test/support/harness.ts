import type { Express } from 'express';
import type { Test } from 'supertest';
import request from 'supertest';
import { createEngine } from '@vocalia/agent';
import { createProducer, type Producer, type Redis } from '@vocalia/service-kit';
import type { QueueName } from '@vocalia/contracts';
import { createApp } from '../../src/app';
import { composeTelephonyBridge, type ComposeOptions, type Composed } from '../../src/compose';
import { FakeTwilioRest } from './fake-twilio-rest';
import { numberFor, snapshotFor, type PhoneTenant } from './fixtures';
import { startRuntimeHarness, testLogger, type FakeDbApi } from '@vocalia/conversation/testing';
import { signed } from './twilio-signature';

export { REDIS_URL, waitReady } from '@vocalia/conversation/testing';
export const PUBLIC_BASE_URL = 'https://edge.example.com';
export const ACCOUNT_SID = `AC${'1'.repeat(32)}`;
export const AUTH_TOKEN = 'test-twilio-auth-token-0123456789';
export const STREAM_SECRET = 'test-stream-token-secret-0123456789abcdef';

export interface Harness {
  app: Express;
  composed: Composed;
  db: FakeDbApi;
  twilioRest: FakeTwilioRest;
  redis: Redis;
  /** The turn runtime's connection: its publisher sends every job (turns, usage, call events) on it. */
  producerRedis: Redis;
  /** A subscriber connection, for `composed.listenForTenantUpdates` where a test changes tenants mid-way. */
  subscriber: Redis;
  keyPrefix: string;
  queuePrefix: string;
  clock: { now: number };
  addTenant(t: PhoneTenant): void;
  /** A webhook from Twilio to `path` under the public URL, signed with the account's auth token. */
  twilio(path: string, params: Record<string, string>): Test;
  /** Drops a call's state from Redis, as a Redis restarted empty would. */
  forgetCall(callSid: string): Promise<void>;
  /** Every job of a queue so far (any state). */
  jobs<Q extends QueueName>(queue: Q): Promise<{ id: string | undefined; data: Record<string, unknown> }[]>;
  close(): Promise<void>;
}

/** telephony-bridge wired for real (Redis, BullMQ, the local engine, HTTP to fake db-api and Twilio REST), with a key prefix of its own. */
export async function startHarness(name: string, overrides: Partial<ComposeOptions> = {}): Promise<Harness> {
  const runtime = await startRuntimeHarness('tel', name);
  const { db, redis, producerRedis, subscriber, keyPrefix, queuePrefix } = runtime;
  const twilioRest = await new FakeTwilioRest().start();
  const clock = { now: Date.now() };
  const composed = composeTelephonyBridge({
    logger: testLogger(),
    redis,
    producerRedis,
    keyPrefix,
    queuePrefix,
    dbApi: runtime.dbApi,
    engine: createEngine({ providers: [] }),
    history: { maxTurns: 10, ttlSec: 60 },
    snapshotTtlSec: 60,
    numberCacheTtlSec: 60,
    twilio: { accountSid: ACCOUNT_SID, authToken: AUTH_TOKEN, baseUrl: twilioRest.url },
    publicBaseUrl: PUBLIC_BASE_URL,
    trustProxyHops: 1,
    streamToken: { secret: STREAM_SECRET, ttlSec: 60 },
    eventRetryEveryMs: 50,
    now: () => clock.now,
    ...overrides,
  });
  const app = createApp(composed.deps);
  const readers = new Map<QueueName, Producer<QueueName>>();
  // On the publisher's connection: Redis answers a read there after the jobs the publisher wrote before it.
  const reader = (queue: QueueName) => {
    const existing = readers.get(queue);
    if (existing) return existing;
    const created = createProducer(queue, { connection: producerRedis, prefix: queuePrefix });
    readers.set(queue, created);
    return created;
  };
  return {
    app,
    composed,
    db,
    twilioRest,
    redis,
    producerRedis,
    subscriber,
    keyPrefix,
    queuePrefix,
    clock,
    addTenant(t) {
      db.snapshots.set(t.id, snapshotFor(t));
      db.numbers.set(t.number, numberFor(t));
    },
    forgetCall: async (callSid) => void (await redis.del(`${keyPrefix}:tel:call:${callSid}`)),
    twilio: (path, params) => signed(request(app).post(path), AUTH_TOKEN, `${PUBLIC_BASE_URL}${path}`, params),
    async jobs(queue) {
      const jobs = await reader(queue).queue.getJobs(['waiting', 'delayed', 'active', 'completed', 'failed', 'prioritized']);
      return jobs.map((j) => ({ id: j.id, data: j.data as Record<string, unknown> }));
    },
    async close() {
      await composed.closeEvents();
      await Promise.all([...readers.values()].map((r) => r.close()));
      await Promise.all([runtime.close(), twilioRest.stop()]);
    },
  };
}

import type { Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import WebSocket from 'ws';
import { createRedis, listen, type Redis } from '@vocalia/service-kit';
import { FakeDbApi, INTERNAL_TOKEN, testLogger } from '@vocalia/conversation/testing';
import { createSessionTokens } from '@vocalia/widget-auth';
import { createApp } from '../../src/app';
import { composeRealtime, type ComposeOptions, type Composed } from '../../src/compose';
import { realtimeModel } from '../../src/model/realtime-model';
import { FakeRealtimeModel } from '../../testing';

export const REDIS_URL = process.env.REDIS_URL ?? 'redis://127.0.0.1:6379';
const WIDGET_SECRET = 'test-widget-secret-0123456789abcdef0123456789';

export interface Harness {
  url: string;
  db: FakeDbApi;
  model: FakeRealtimeModel;
  composed: Composed;
  redis: Redis;
  keyPrefix: string;
  queuePrefix: string;
  tokenFor(tenantId: string, origin: string): string;
  close(): Promise<void>;
}

const ready = (redis: Redis) => (redis.status === 'ready' ? Promise.resolve() : new Promise<void>((resolve) => redis.once('ready', () => resolve())));

/** realtime wired for real (Redis, BullMQ, HTTP to a fake db-api, WebSocket to a fake realtime model), listening on a free port. */
export async function startHarness(name: string, overrides: Partial<ComposeOptions> = {}): Promise<Harness> {
  const keyPrefix = `test-realtime-${name}-${process.pid}-${Date.now()}`;
  const queuePrefix = `${keyPrefix}-bull`;
  const db = await new FakeDbApi().start();
  const model = await new FakeRealtimeModel().start();
  const redis = createRedis(REDIS_URL, 'client');
  const producerRedis = createRedis(REDIS_URL, 'producer');
  await Promise.all([ready(redis), ready(producerRedis)]);
  const logger = testLogger('realtime-test');
  const composed = composeRealtime({
    logger,
    redis,
    producerRedis,
    keyPrefix,
    queuePrefix,
    dbApi: { baseUrl: db.url, internalToken: INTERNAL_TOKEN, timeoutMs: 1000 },
    widgetTokenSecret: WIDGET_SECRET,
    history: { maxTurns: 6, ttlSec: 60 },
    snapshotTtlSec: 60,
    openModel: realtimeModel({ url: model.url, apiKey: 'test-model-key', model: 'fake-realtime', voice: 'alloy', transcriptionModel: 'whisper-1' }),
    limits: { startTimeoutMs: 500, maxSessionMs: 60_000, idleMs: 60_000, pingEveryMs: 10_000, maxEarlyFrames: 10, maxOutgoingBytes: 1024 * 1024, maxSessionsPerTenant: 5, maxSessions: 100, modelName: 'fake-realtime' },
    maxFrameBytes: 16 * 1024,
    eventRetryEveryMs: 100,
    ...overrides,
  });
  const server: Server = await listen(createApp({ logger, redis }), 0, (s) => composed.realtime.attach(s), '127.0.0.1');
  const tokens = createSessionTokens({ secret: WIDGET_SECRET, ttlSec: 600 });
  return {
    url: `ws://127.0.0.1:${(server.address() as AddressInfo).port}/realtime`,
    db,
    model,
    composed,
    redis,
    keyPrefix,
    queuePrefix,
    tokenFor: (tenantId, origin) => tokens.issue({ tenantId, origin }).token,
    async close() {
      await composed.realtime.drain(1000);
      await new Promise<void>((resolve) => server.close(() => resolve()));
      await composed.conversation.close();
      const keys = await redis.keys(`${keyPrefix}*`);
      if (keys.length) await redis.del(...keys);
      await Promise.all([redis.quit(), producerRedis.quit(), db.stop(), model.stop()]);
    },
  };
}

export type Opened = { ws: WebSocket; status?: undefined; body?: undefined } | { ws?: undefined; status: number; body: string };

/** Opens `/realtime?token=` as a browser on `origin` would; a refused upgrade resolves with its status and body. */
export function openSocket(url: string, token: string | undefined, origin: string): Promise<Opened> {
  const target = token === undefined ? url : `${url}?token=${encodeURIComponent(token)}`;
  const ws = new WebSocket(target, { origin, perMessageDeflate: false });
  return new Promise((resolve, reject) => {
    ws.once('open', () => resolve({ ws }));
    ws.once('unexpected-response', (_req, res) => {
      let body = '';
      res.on('data', (chunk: Buffer) => (body += chunk.toString()));
      res.on('end', () => resolve({ status: res.statusCode ?? 0, body }));
    });
    ws.once('error', (err) => reject(err));
  });
}

export interface Received {
  texts: Array<Record<string, unknown>>;
  audioBytes: number;
  closed: Promise<{ code: number; reason: string }>;
}

/** Everything the browser receives on this socket. */
export function record(ws: WebSocket): Received {
  const received: Received = {
    texts: [],
    audioBytes: 0,
    closed: new Promise((resolve) => ws.once('close', (code, reason) => resolve({ code, reason: reason.toString() }))),
  };
  ws.on('message', (data, isBinary) => {
    if (isBinary) received.audioBytes += (data as Buffer).length;
    else received.texts.push(JSON.parse(String(data)) as Record<string, unknown>);
  });
  return received;
}

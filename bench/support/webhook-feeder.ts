/**
 * The other side of `webhooks.bench.ts`, in its own process so the worker's process does only the
 * worker's work: the tenants' receiver (notes when each event id arrived) and db-api's part (commits
 * delivery rows in one multi-row insert, then adds their jobs). Commit and arrival times are read on
 * this process's clock, so lag = row committed -> receiver got it. Driven over IPC by the parent.
 */
import { randomBytes } from 'node:crypto';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { setTimeout as sleep } from 'node:timers/promises';
import { createPgPool } from '@vocalia/db';
import { createProducer, createRedis } from '@vocalia/service-kit';
import { percentile } from './percentile';

const BATCH = 100;

export type FeederCommand =
  | { type: 'phase'; tag: string; count: number; rate: number | null; tenantId: string; endpointIds: string[] }
  | { type: 'empty-jobs'; prefix: string; count: number }
  | { type: 'close' };

export type FeederReply =
  | { type: 'ready'; url: string }
  | { type: 'phase-done'; perSec: number; lagP50: number; lagP99: number; cpuMs: number }
  | { type: 'empty-jobs-added' };

const databaseUrl = process.env.FEEDER_DATABASE_URL as string;
const redisUrl = process.env.FEEDER_REDIS_URL as string;
const prefix = process.env.FEEDER_QUEUE_PREFIX as string;
const pool = createPgPool(databaseUrl, { poolSize: 2 });
const connection = createRedis(redisUrl, 'worker');
const producer = createProducer('webhook-deliveries', { connection, prefix });
const send = (reply: FeederReply) => process.send?.(reply);

const arrivals = new Map<string, number>();
let waiting: { ids: Set<string>; resolve: () => void } | undefined;
const server = createServer((req, res) => {
  req.resume();
  req.on('end', () => {
    const id = String(req.headers['webhook-id']);
    arrivals.set(id, performance.now());
    res.writeHead(204).end();
    if (waiting?.ids.delete(id) && waiting.ids.size === 0) waiting.resolve();
  });
});

/** Commits `count` rows in batches of BATCH (all at once, or paced at `rate` rows/s), enqueues their jobs, waits for every arrival. */
async function phase(cmd: Extract<FeederCommand, { type: 'phase' }>): Promise<FeederReply> {
  const committed = new Map<string, number>();
  const eventIds = Array.from({ length: cmd.count }, (_v, i) => `evt_${cmd.tag}_${i}`);
  const arrived = new Promise<void>((resolve) => (waiting = { ids: new Set(eventIds), resolve }));
  const cpu = process.cpuUsage();
  const started = performance.now();
  for (let i = 0; i < cmd.count; i += BATCH) {
    if (cmd.rate) await sleep(Math.max(0, started + (i / cmd.rate) * 1000 - performance.now()));
    const rows = eventIds.slice(i, i + BATCH).map((eventId, j) => ({ id: `dlv_${cmd.tag}_${i + j}_${randomBytes(4).toString('hex')}`, eventId, endpointId: cmd.endpointIds[(i + j) % cmd.endpointIds.length] as string }));
    const payloads = rows.map((r, j) => JSON.stringify({ type: 'lead.qualified', timestamp: new Date().toISOString(), data: { score: 80, n: i + j, eventId: r.eventId } }));
    await pool.query(
      `INSERT INTO webhook_deliveries (id, tenant_id, endpoint_id, event_id, event_type, payload, updated_at)
       SELECT id, $2, endpoint_id, event_id, 'lead.qualified', payload::jsonb, now() FROM unnest($1::text[], $3::text[], $4::text[], $5::text[]) AS v(id, endpoint_id, event_id, payload)`,
      [rows.map((r) => r.id), cmd.tenantId, rows.map((r) => r.endpointId), rows.map((r) => r.eventId), payloads],
    );
    const at = performance.now();
    for (const r of rows) committed.set(r.eventId, at);
    const now = new Date().toISOString();
    await producer.queue.addBulk(
      rows.map((r) => ({ name: 'webhook-deliveries', data: { v: 1, eventId: r.id, tenantId: cmd.tenantId, requestId: 'bench', at: now, deliveryId: r.id, endpointId: r.endpointId, eventType: 'lead.qualified' }, opts: { jobId: r.id } })),
    );
  }
  await arrived;
  const perSec = cmd.count / ((performance.now() - started) / 1000);
  const used = process.cpuUsage(cpu);
  const lags = eventIds.map((id) => (arrivals.get(id) ?? NaN) - (committed.get(id) ?? NaN)).sort((a, b) => a - b);
  return { type: 'phase-done', perSec, lagP50: percentile(lags, 0.5), lagP99: percentile(lags, 0.99), cpuMs: (used.user + used.system) / 1000 / cmd.count };
}

/** BullMQ's floor: `count` empty jobs on another prefix, added as the phases add theirs. */
async function emptyJobs(cmd: Extract<FeederCommand, { type: 'empty-jobs' }>): Promise<FeederReply> {
  const emptyProducer = createProducer('webhook-deliveries', { connection, prefix: cmd.prefix });
  const at = new Date().toISOString();
  for (let i = 0; i < cmd.count; i += BATCH) {
    await emptyProducer.queue.addBulk(
      Array.from({ length: Math.min(BATCH, cmd.count - i) }, (_v, j) => ({
        name: 'webhook-deliveries',
        data: { v: 1, eventId: `baseline-${i + j}`, tenantId: 't', requestId: 'r', at, deliveryId: `d${i + j}`, endpointId: 'e', eventType: 'lead.qualified' },
        opts: { jobId: `baseline-${i + j}` },
      })),
    );
  }
  await emptyProducer.close();
  return { type: 'empty-jobs-added' };
}

process.on('message', (cmd: FeederCommand) => {
  if (cmd.type === 'close') {
    server.closeAllConnections();
    void Promise.all([producer.close().then(() => connection.quit()), pool.end(), new Promise((r) => server.close(r))]).then(() => process.exit(0));
    return;
  }
  (cmd.type === 'phase' ? phase(cmd) : emptyJobs(cmd)).then(send, (err: unknown) => {
    process.stderr.write(`webhook feeder failed: ${err instanceof Error ? err.stack : String(err)}\n`);
    process.exit(1);
  });
});

server.listen(0, '127.0.0.1', () => send({ type: 'ready', url: `http://127.0.0.1:${(server.address() as AddressInfo).port}` }));

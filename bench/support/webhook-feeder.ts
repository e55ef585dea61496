/**
 * The other side of `webhooks.bench.ts`, in its own process so the worker's process does only the
 * worker's work: the tenants' receiver (notes when each event id arrived) and db-api's part: each event
 * committed in its own transaction (DB_POOL_SIZE of them at once, as db-api's pool allows) with db-api's
 * statements, then its delivery handed to the enqueuer db-api uses (attempts asked for while its previous add runs share jobs), so jobs
 * carry as many deliveries as they would in production. Commit and arrival times are read on this
 * process's clock, so lag = row committed -> receiver got it. Driven over IPC by the parent.
 */
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { setTimeout as sleep } from 'node:timers/promises';
import { createPrisma } from '@vocalia/db';
import type { WebhookDeliveryRef } from '@vocalia/contracts';
import { createProducer, createRedis, createWebhookDeliveryEnqueuer, singleDeliveryJob, type Producer, type WebhookDeliveryEnqueuer } from '@vocalia/service-kit';
import { recordDomainEvent, type DomainEventRecord } from '../../services/db-api/src/conversations/domain-events';
import { percentile } from './percentile';

const BATCH = 100;
/** db-api's default DB_POOL_SIZE: how many events commit at once. */
const POOL_SIZE = 10;

export interface BenchEndpoint {
  tenantId: string;
  endpointId: string;
}

export type FeederCommand =
  /** `jobs`: 'turn' = through db-api's enqueuer (attempts asked for while its previous add runs share jobs); 'one' = a job per delivery, as before batches. */
  | { type: 'phase'; tag: string; count: number; rate: number | null; endpoints: BenchEndpoint[]; jobs: 'turn' | 'one' }
  /**
   * webhook-router alone, first step: commits `count` events at once, then replies; `enqueue`: each one's
   * deliveries enqueued after its commit (for `drain`: the parent has paused the queue), or kept for `paced`.
   */
  | { type: 'backlog'; tag: string; count: number; endpoints: BenchEndpoint[]; enqueue: boolean }
  /** Sent once the queue is resumed: waits for the backlog's arrivals, timed from now. */
  | { type: 'drain' }
  /** Hands the kept backlog's deliveries to db-api's enqueuer at `rate` events/s; lag = enqueued -> arrived. */
  | { type: 'paced'; rate: number }
  | { type: 'empty-jobs'; prefix: string; count: number }
  | { type: 'close' };

export type FeederReply =
  | { type: 'ready'; url: string }
  | { type: 'phase-done'; perSec: number; jobs: number; lagP50: number; lagP99: number; cpuMs: number }
  | { type: 'backlog-committed' }
  | { type: 'empty-jobs-added' };

const databaseUrl = process.env.FEEDER_DATABASE_URL as string;
const redisUrl = process.env.FEEDER_REDIS_URL as string;
const prefix = process.env.FEEDER_QUEUE_PREFIX as string;
const prisma = createPrisma(databaseUrl, { poolSize: POOL_SIZE });
const connection = createRedis(redisUrl, 'worker');
const producer = createProducer('webhook-deliveries', { connection, prefix });
let jobsAdded = 0;
const counting: Producer<'webhook-deliveries'> = { ...producer, add: (payload, opts) => ((jobsAdded += 1), producer.add(payload, opts)) };
const enqueuer = createWebhookDeliveryEnqueuer(counting);
/** The shape before batches: a job per delivery. */
const oneJobEach: WebhookDeliveryEnqueuer = {
  enqueue: async (refs, requestId) => void (await Promise.all(refs.map((ref) => counting.add(singleDeliveryJob(ref, requestId, new Date().toISOString()))))),
};
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

/** A `lead.qualified` event as the conversation-events worker records it (its data parsed by db-api against the contract). */
function leadQualified(tag: string, n: number): DomainEventRecord {
  return {
    id: `evt_${tag}_${n}`,
    type: 'lead.qualified',
    data: { conversationId: `conv_${tag}_${n}`, sessionId: `sess_${tag}_${n}`, channel: 'widget', score: 80, bant: { need: 25, budget: 20 }, contact: { email: 'lead@example.com' } },
  };
}

/**
 * One event as db-api records it, through db-api's own functions (domain-events.ts): its delivery rows
 * inserted (one per enabled endpoint of the tenant subscribed to the type), committed on its own where
 * db-api sends the statement inside the transaction of the event's cause (a turn, a call event), whose
 * BEGIN and COMMIT it pays anyway; then, after the commit, the deliveries the insert returned handed to the
 * enqueuer (db-api's, or a job per delivery). Not modelled: the cause's own writes.
 */
async function commitEvent(tag: string, n: number, endpoint: BenchEndpoint, committed: Map<string, number>, jobs: 'turn' | 'one' | 'keep'): Promise<WebhookDeliveryRef[]> {
  const event = leadQualified(tag, n);
  const deliveries = await recordDomainEvent(prisma, endpoint.tenantId, event, new Date());
  committed.set(event.id, performance.now());
  if (jobs !== 'keep') await (jobs === 'turn' ? enqueuer : oneJobEach).enqueue(deliveries, 'bench');
  return deliveries;
}

/** Resolves when every one of `eventIds` has reached the receiver. */
function arrivalsOf(eventIds: string[]): Promise<void> {
  const ids = new Set(eventIds.filter((id) => !arrivals.has(id)));
  if (!ids.size) return Promise.resolve();
  return new Promise<void>((resolve) => (waiting = { ids, resolve }));
}

/** Phase-done figures: `count` arrivals since `started` (ms, performance.now()), this process's CPU since `cpu`, lag = committed -> arrived. */
function phaseDone(eventIds: string[], committed: Map<string, number>, jobs: number, started: number, cpu: NodeJS.CpuUsage): FeederReply {
  const perSec = eventIds.length / ((performance.now() - started) / 1000);
  const used = process.cpuUsage(cpu);
  const lags = eventIds.map((id) => (arrivals.get(id) ?? NaN) - (committed.get(id) ?? NaN)).sort((a, b) => a - b);
  return { type: 'phase-done', perSec, jobs, lagP50: percentile(lags, 0.5), lagP99: percentile(lags, 0.99), cpuMs: (used.user + used.system) / 1000 / eventIds.length };
}

const eventIdsOf = (tag: string, count: number) => Array.from({ length: count }, (_v, i) => `evt_${tag}_${i}`);

/** Commits `count` events (all at once, or paced at `rate` events/s), each enqueued after its commit; waits for every arrival. */
async function phase(cmd: Extract<FeederCommand, { type: 'phase' }>): Promise<FeederReply> {
  const committed = new Map<string, number>();
  const eventIds = eventIdsOf(cmd.tag, cmd.count);
  const arrived = arrivalsOf(eventIds);
  const jobsBefore = jobsAdded;
  const cpu = process.cpuUsage();
  const started = performance.now();
  const commits: Promise<unknown>[] = [];
  for (let i = 0; i < cmd.count; i += 1) {
    if (cmd.rate) {
      const due = started + (i / cmd.rate) * 1000;
      if (due > performance.now()) await sleep(due - performance.now());
    }
    commits.push(commitEvent(cmd.tag, i, cmd.endpoints[i % cmd.endpoints.length] as BenchEndpoint, committed, cmd.jobs));
  }
  await Promise.all(commits);
  await arrived;
  return phaseDone(eventIds, committed, jobsAdded - jobsBefore, started, cpu);
}

/** The events committed by `backlog`: enqueued (delivered once the parent resumes the queue), or their deliveries kept for `paced`. */
let backlog: { eventIds: string[]; committed: Map<string, number>; jobs: number; kept: WebhookDeliveryRef[][] } | undefined;

async function commitBacklog(cmd: Extract<FeederCommand, { type: 'backlog' }>): Promise<FeederReply> {
  const committed = new Map<string, number>();
  const eventIds = eventIdsOf(cmd.tag, cmd.count);
  const jobsBefore = jobsAdded;
  const kept = await Promise.all(eventIds.map((_id, i) => commitEvent(cmd.tag, i, cmd.endpoints[i % cmd.endpoints.length] as BenchEndpoint, committed, cmd.enqueue ? 'turn' : 'keep')));
  backlog = { eventIds, committed, jobs: jobsAdded - jobsBefore, kept };
  return { type: 'backlog-committed' };
}

function takeBacklog(): NonNullable<typeof backlog> {
  if (!backlog) throw new Error('no backlog committed');
  const taken = backlog;
  backlog = undefined;
  return taken;
}

async function drain(): Promise<FeederReply> {
  const { eventIds, committed, jobs } = takeBacklog();
  const arrived = arrivalsOf(eventIds);
  const cpu = process.cpuUsage();
  const started = performance.now();
  await arrived;
  return phaseDone(eventIds, committed, jobs, started, cpu);
}

async function paced(cmd: Extract<FeederCommand, { type: 'paced' }>): Promise<FeederReply> {
  const { eventIds, kept } = takeBacklog();
  const enqueued = new Map<string, number>();
  const arrived = arrivalsOf(eventIds);
  const jobsBefore = jobsAdded;
  const cpu = process.cpuUsage();
  const started = performance.now();
  const adds: Promise<void>[] = [];
  for (const [i, id] of eventIds.entries()) {
    const due = started + (i / cmd.rate) * 1000;
    if (due > performance.now()) await sleep(due - performance.now());
    enqueued.set(id, performance.now());
    adds.push(enqueuer.enqueue(kept[i] as WebhookDeliveryRef[], 'bench'));
  }
  await Promise.all(adds);
  await arrived;
  return phaseDone(eventIds, enqueued, jobsAdded - jobsBefore, started, cpu);
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

function handle(cmd: Exclude<FeederCommand, { type: 'close' }>): Promise<FeederReply> {
  switch (cmd.type) {
    case 'phase':
      return phase(cmd);
    case 'backlog':
      return commitBacklog(cmd);
    case 'drain':
      return drain();
    case 'paced':
      return paced(cmd);
    case 'empty-jobs':
      return emptyJobs(cmd);
  }
}

process.on('message', (cmd: FeederCommand) => {
  if (cmd.type === 'close') {
    server.closeAllConnections();
    void Promise.all([producer.close().then(() => connection.quit()), prisma.$disconnect(), new Promise((r) => server.close(r))]).then(() => process.exit(0));
    return;
  }
  handle(cmd).then(send, (err: unknown) => {
    process.stderr.write(`webhook feeder failed: ${err instanceof Error ? err.stack : String(err)}\n`);
    process.exit(1);
  });
});

server.listen(0, '127.0.0.1', () => send({ type: 'ready', url: `http://127.0.0.1:${(server.address() as AddressInfo).port}` }));

import type { ConversationProvider } from '@vocalia/agent';
import type { QueueName, TenantUpdated } from '@vocalia/contracts';
import { createProducer, type Logger, type Producer, type Redis } from '@vocalia/service-kit';
import { createConversationRuntime, type ConversationRuntime } from './conversation-runtime';
import { createEventPublisher, type Producers } from './events/event-publisher';
import { createSessionStore } from './sessions/session-store';
import { createDbApiClient, type DbApiClient, type DbApiClientOptions } from './snapshots/db-api-client';
import { createSnapshotStore, SNAPSHOT_CACHE_DEFAULTS } from './snapshots/snapshot-store';
import { subscribeTenantUpdates } from './snapshots/tenant-updates';

export interface ConversationOptions {
  logger: Logger;
  /**
   * The turn's connection (fails fast when Redis is away): history reads and writes and the BullMQ
   * producers, so a turn's history write and its jobs leave in one pipeline, and a session's next read,
   * sent after, is served after them.
   */
  producerRedis: Redis;
  /** Redis key prefix for histories. */
  keyPrefix: string;
  /** BullMQ prefix of the queues. */
  queuePrefix?: string;
  dbApi: DbApiClientOptions;
  /** The engine that answers text turns; a channel where only speech models answer goes without. */
  engine?: ConversationProvider;
  history: { maxTurns: number; ttlSec: number };
  snapshots: {
    ttlSec: number;
    /** Tenants whose snapshot stays in memory, and their total JSON bytes (least recently used dropped first). */
    maxTenants?: number;
    maxBytes?: number;
    /** How long past the TTL a snapshot is served at once while it reloads (db-api slow or down). */
    maxStaleSec?: number;
  };
  eventRetryEveryMs?: number;
  /** Queues of the channel's own events (telephony-bridge's `call-events`) published through the same publisher: never blocking, kept while Redis is away, replayed if it comes back empty. */
  alsoPublishes?: readonly QueueName[];
}

export interface Conversation {
  runtime: ConversationRuntime;
  /** db-api's internal reads, for a channel's own lookups (activity, phone numbers) beside snapshots. */
  db: DbApiClient;
  /** Subscribe to `tenant-updated`: snapshots drop on change; `onTenantUpdated` drops the caller's own caches too. */
  listenForTenantUpdates(subscriber: Redis, onTenantUpdated?: (update: TenantUpdated) => void): Promise<void>;
  /** Flush what the event buffer holds and close the producers (after intake stopped). */
  close(): Promise<void>;
}

/** The turn runtime wired from plain options: every channel's main.ts, its tests and the benchmarks build it this way. */
export function composeConversation(opts: ConversationOptions): Conversation {
  const connection = { connection: opts.producerRedis, prefix: opts.queuePrefix };
  const producers: Producers = { 'conversation-events': createProducer('conversation-events', connection), 'usage-events': createProducer('usage-events', connection) };
  const addProducer = <Q extends QueueName>(queue: Q) => ((producers as Record<Q, Producer<Q>>)[queue] = createProducer(queue, connection));
  for (const queue of opts.alsoPublishes ?? []) addProducer(queue);
  const db = createDbApiClient(opts.dbApi, opts.logger);
  const snapshots = createSnapshotStore(db, {
    ttlMs: opts.snapshots.ttlSec * 1000,
    maxStaleMs: (opts.snapshots.maxStaleSec ?? SNAPSHOT_CACHE_DEFAULTS.maxStaleSec) * 1000,
    maxTenants: opts.snapshots.maxTenants ?? SNAPSHOT_CACHE_DEFAULTS.maxTenants,
    maxBytes: opts.snapshots.maxBytes ?? SNAPSHOT_CACHE_DEFAULTS.maxBytes,
    logger: opts.logger,
  });
  const events = createEventPublisher({ producers, connection: opts.producerRedis, logger: opts.logger, retryEveryMs: opts.eventRetryEveryMs });
  const sessions = createSessionStore({ redis: opts.producerRedis, turnWrites: events, keyPrefix: opts.keyPrefix, ...opts.history });
  return {
    runtime: createConversationRuntime({ snapshots, sessions, events, engine: opts.engine, logger: opts.logger }),
    db,
    listenForTenantUpdates: (subscriber, onTenantUpdated) =>
      subscribeTenantUpdates(
        subscriber,
        {
          onTenantUpdated: (update) => {
            snapshots.onTenantUpdated(update);
            onTenantUpdated?.(update);
          },
          onResubscribed: () => snapshots.onResubscribed(),
        },
        opts.logger,
      ),
    async close() {
      await events.close();
      await Promise.all(Object.values(producers).map((p) => p.close()));
    },
  };
}

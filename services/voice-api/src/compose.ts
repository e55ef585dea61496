import type { PlanId } from '@vocalia/contracts';
import type { ConversationProvider } from '@vocalia/agent';
import { composeConversation, type DbApiClientOptions } from '@vocalia/conversation';
import type { Logger, Redis } from '@vocalia/service-kit';
import type { Deps } from './app';
import { createRealtimeAvailability } from './config/realtime-availability';
import { createRateLimits } from './rate-limit/rate-limits';
import { createTurnAdmission } from './respond/turn-admission';
import { createPreviewGrants, createSessionTokens } from '@vocalia/widget-auth';
import { publicOriginOf } from './cors/page-origin';
import { createSocialProofSource } from './social-proof/social-proof-source';
import { widgetAsset } from './widget/widget-asset';

export interface ComposeOptions {
  logger: Logger;
  /** Request-path commands (rate limits, realtime heartbeat, readiness): fails fast when Redis is away. */
  redis: Redis;
  /** The turn's connection (fails fast too): /respond's admission script, session history and BullMQ producers, so a turn's writes leave in one pipeline. */
  producerRedis: Redis;
  /** Redis key prefix for history and rate limits; BullMQ prefix for queues. */
  keyPrefix: string;
  queuePrefix?: string;
  dbApi: DbApiClientOptions;
  engine: ConversationProvider;
  widgetBundle: { code: string; hash: string };
  widgetToken: { secret: string; ttlSec: number };
  limits: { windowSec: number; ipPoints: number; tenantPoints?: (plan: PlanId) => number; now?: () => number };
  history: { maxTurns: number; ttlSec: number };
  snapshotTtlSec: number;
  /** Tenants whose snapshot stays in memory, and their total JSON bytes (least recently used dropped first). */
  snapshotMaxTenants?: number;
  snapshotMaxBytes?: number;
  /** How long past the TTL a snapshot is served at once while it reloads (db-api slow or down). */
  snapshotMaxStaleSec?: number;
  socialProofTtlSec: number;
  trustProxyHops: number;
  /** PUBLIC_BASE_URL: the edge's public URL (the widget's script URL, the origin of same-origin pages). */
  publicBaseUrl: string;
  eventRetryEveryMs?: number;
  /** How long the realtime service's heartbeat answer is reused (default 2 s). */
  realtimeCacheMs?: number;
  /** How long an Idempotency-Key is held without news of its request (default PENDING_HOLD_MS). */
  idempotencyHoldMs?: number;
}

export interface Composed {
  deps: Deps;
  /** Subscribe to `tenant-updated` so cached snapshots and activity drop on change. */
  listenForTenantUpdates(subscriber: Redis): Promise<void>;
  /** Flush what the event buffer holds and close the producers (after the HTTP server stopped). */
  closeEvents(): Promise<void>;
}

/** Every voice-api dependency wired from plain options; main.ts, the tests and the benchmark all build it this way. */
export function composeVoiceApi(opts: ComposeOptions): Composed {
  const conversation = composeConversation({
    logger: opts.logger,
    producerRedis: opts.producerRedis,
    keyPrefix: opts.keyPrefix,
    queuePrefix: opts.queuePrefix,
    dbApi: opts.dbApi,
    engine: opts.engine,
    history: opts.history,
    snapshots: { ttlSec: opts.snapshotTtlSec, maxTenants: opts.snapshotMaxTenants, maxBytes: opts.snapshotMaxBytes, maxStaleSec: opts.snapshotMaxStaleSec },
    eventRetryEveryMs: opts.eventRetryEveryMs,
  });
  const rateLimits = createRateLimits({ redis: opts.redis, keyPrefix: opts.keyPrefix, ...opts.limits });
  const runtime = conversation.runtime;
  const deps: Deps = {
    logger: opts.logger,
    redis: opts.redis,
    conversation: conversation.runtime,
    snapshots: conversation.runtime.snapshots,
    events: conversation.runtime.events,
    socialProof: createSocialProofSource(conversation.db, { ttlMs: opts.socialProofTtlSec * 1000, logger: opts.logger }),
    socialProofMaxAgeSec: opts.socialProofTtlSec,
    rateLimits,
    // In the pipeline of the turn's history writes and jobs, so a session's read follows its last write.
    turnAdmission: createTurnAdmission({ redis: opts.producerRedis, keyPrefix: opts.keyPrefix, rateLimits, loadSession: (tenantId, sessionId) => runtime.loadSession(tenantId, sessionId), writeAlongside: (command) => runtime.events.writeAlongside(command), pendingHoldMs: opts.idempotencyHoldMs }),
    sessionTokens: createSessionTokens(opts.widgetToken),
    previewGrants: createPreviewGrants({ internalToken: opts.dbApi.internalToken }),
    widget: widgetAsset(opts.widgetBundle),
    realtime: createRealtimeAvailability({ redis: opts.redis, keyPrefix: opts.keyPrefix, logger: opts.logger, cacheMs: opts.realtimeCacheMs }),
    trustProxyHops: opts.trustProxyHops,
    publicBaseUrl: opts.publicBaseUrl,
    publicOrigin: publicOriginOf(opts.publicBaseUrl),
  };
  return {
    deps,
    listenForTenantUpdates: (subscriber) => conversation.listenForTenantUpdates(subscriber, (update) => deps.socialProof.invalidate(update.tenantId)),
    closeEvents: () => conversation.close(),
  };
}

import { composeConversation, type Conversation, type DbApiClientOptions } from '@vocalia/conversation';
import { createPlaces, PLACE_KINDS, type Logger, type Redis } from '@vocalia/service-kit';
import { createSessionTokens } from '@vocalia/widget-auth';
import type { ConversationProvider } from '@vocalia/agent';
import type { PlanId, VoiceSessionLimits } from '@vocalia/contracts';
import { cascadedModel, type CascadedConfig } from './model/cascaded-model';
import type { OpenModelSession } from './model/realtime-model';
import { startReadyHeartbeat, type ReadyHeartbeat } from './ready-heartbeat';
import { createRealtimeServer, type RealtimeServer } from './realtime-server';
import type { SessionLimits } from './session/session-limits';
import { sessionPlaces } from './session/session-places';

export interface ComposeOptions {
  logger: Logger;
  redis: Redis;
  producerRedis: Redis;
  keyPrefix: string;
  queuePrefix?: string;
  dbApi: DbApiClientOptions;
  widgetTokenSecret: string;
  history: { maxTurns: number; ttlSec: number };
  snapshotTtlSec: number;
  /** The speech-to-speech path; undefined when no realtime model is configured. */
  openModel: OpenModelSession | undefined;
  /** The cascaded path (VAD, transcription, the engine, speech), used when there is no realtime model. */
  cascaded?: Omit<CascadedConfig, 'conversation' | 'logger'>;
  /** The engine answering the cascaded path's turns. */
  engine?: ConversationProvider;
  limits: SessionLimits;
  /** Session length, idle time and concurrency per plan; contracts' VOICE_SESSION_LIMITS unless told. */
  planLimits?: Record<PlanId, VoiceSessionLimits>;
  maxFrameBytes?: number;
  eventRetryEveryMs?: number;
}

export interface Composed {
  realtime: RealtimeServer;
  conversation: Conversation;
  /** Announce in Redis that sessions are served (only when a speech path is configured). */
  announce(): ReadyHeartbeat | undefined;
}

/** Every realtime dependency from plain options; main.ts and the tests build it this way. */
export function composeRealtime(opts: ComposeOptions): Composed {
  const conversation = composeConversation({
    logger: opts.logger,
    producerRedis: opts.producerRedis,
    keyPrefix: opts.keyPrefix,
    queuePrefix: opts.queuePrefix,
    dbApi: opts.dbApi,
    history: opts.history,
    snapshots: { ttlSec: opts.snapshotTtlSec },
    eventRetryEveryMs: opts.eventRetryEveryMs,
    engine: opts.engine,
  });
  const openModel = opts.openModel ?? (opts.cascaded && cascadedModel({ ...opts.cascaded, conversation: conversation.runtime, logger: opts.logger }));
  // Only verification happens here; the TTL is voice-api's business (it issues the tokens).
  const tokens = createSessionTokens({ secret: opts.widgetTokenSecret, ttlSec: 1 });
  const realtime = createRealtimeServer({
    tokens,
    snapshots: conversation.runtime.snapshots,
    conversation: conversation.runtime,
    openModel,
    logger: opts.logger,
    limits: opts.limits,
    planLimits: opts.planLimits,
    maxFrameBytes: opts.maxFrameBytes ?? 64 * 1024,
    // Under the queue prefix, the namespace every service of the fleet shares: db-api reads these places for a tenant's usage.
    places: sessionPlaces(createPlaces({ redis: opts.redis, keyPrefix: opts.queuePrefix ?? opts.keyPrefix, kind: PLACE_KINDS.voiceSessions }), opts.logger),
  });
  return {
    realtime,
    conversation,
    announce: () => (openModel ? startReadyHeartbeat(opts.redis, opts.keyPrefix, opts.logger) : undefined),
  };
}

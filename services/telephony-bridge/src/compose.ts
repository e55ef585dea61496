import type { Engine } from '@vocalia/agent';
import { composeConversation } from '@vocalia/conversation';
import { createPlaces, PLACE_KINDS, type Logger, type Redis } from '@vocalia/service-kit';
import type { Deps } from './app';
import { createCallAdmission, createCallCap } from './calls/call-admission';
import type { CallDeps } from './calls/call-deps';
import { createCallEvents } from './calls/call-events';
import { createCallStore } from './calls/call-store';
import { createHeldEnds } from './calls/held-ends';
import { createNumberDirectory } from './numbers/number-directory';
import { createResolveClient } from './numbers/resolve-client';
import type { OutboundDeps } from './outbound/place-outbound-call';
import type { StreamDeps } from './stream/stream-opening';
import type { RealtimeConfig } from './stream/realtime-config';
import { STREAM_PATH } from './stream/stream-server';
import { createStreamTokens } from './stream/stream-token';
import { conversationTurns } from './turns/conversation-turns';
import { publicUrl } from './twilio/public-url';
import { createTwilioRest } from './twilio/rest-client';

export interface ComposeOptions {
  logger: Logger;
  /** Request-path commands (call state, limits): fails fast when Redis is away. */
  redis: Redis;
  /** The turn's connection: session history and BullMQ producers (one pipeline per event-loop turn). */
  producerRedis: Redis;
  /** Redis key prefix for call state and histories; BullMQ prefix for queues. */
  keyPrefix: string;
  queuePrefix?: string;
  dbApi: { baseUrl: string; internalToken: string; timeoutMs: number };
  engine: Engine;
  history: { maxTurns: number; ttlSec: number };
  snapshotTtlSec: number;
  numberCacheTtlSec: number;
  twilio: { accountSid: string; authToken: string; baseUrl?: string };
  /** PUBLIC_BASE_URL: the edge's public URL, which Twilio calls and signs. */
  publicBaseUrl: string;
  trustProxyHops: number;
  /** Streaming mode: calls are bridged to this realtime speech model; absent, turn-based mode. */
  realtime?: RealtimeConfig;
  streamToken: { secret: string; ttlSec: number };
  /** How often events Redis refused, and call ends held for it (`calls/held-ends.ts`), are tried again (default 1 s). */
  eventRetryEveryMs?: number;
  now?: () => number;
}

export interface Composed {
  deps: Deps;
  outbound: OutboundDeps;
  /** Present in streaming mode: what each `/voice/stream` socket needs. */
  stream?: StreamDeps;
  /** Subscribe to `tenant-updated`: snapshots and number answers drop on change. */
  listenForTenantUpdates(subscriber: Redis): Promise<void>;
  /** Record the call ends held for Redis, flush queued events and close the producers (after the HTTP server stopped). */
  closeEvents(): Promise<void>;
}

const MAX_CACHED_NUMBERS = 10_000;

/** Every telephony-bridge dependency wired from plain options; main.ts and the tests build it this way. */
export function composeTelephonyBridge(opts: ComposeOptions): Composed {
  const now = opts.now ?? Date.now;
  const conversation = composeConversation({
    logger: opts.logger,
    producerRedis: opts.producerRedis,
    keyPrefix: opts.keyPrefix,
    queuePrefix: opts.queuePrefix,
    dbApi: opts.dbApi,
    engine: opts.engine,
    history: opts.history,
    snapshots: { ttlSec: opts.snapshotTtlSec },
    eventRetryEveryMs: opts.eventRetryEveryMs,
    alsoPublishes: ['call-events'],
  });
  const numbers = createNumberDirectory(createResolveClient(opts.dbApi, opts.logger), {
    ttlMs: opts.numberCacheTtlSec * 1000,
    maxNumbers: MAX_CACHED_NUMBERS,
    onRefreshFailed: () => opts.logger.warn('number directory reload failed; serving the cached answer'),
  });
  const turns = conversationTurns(conversation.runtime);
  const calls = createCallStore({ redis: opts.redis, keyPrefix: opts.keyPrefix });
  const slots = createPlaces({ redis: opts.redis, keyPrefix: opts.keyPrefix, kind: PLACE_KINDS.calls, now });
  const url = (path: string) => publicUrl(opts.publicBaseUrl, path);
  const twilioRest = createTwilioRest(opts.twilio);
  const tokens = createStreamTokens({ ...opts.streamToken, now });
  const events = createCallEvents(conversation.runtime);
  const heldEnds = createHeldEnds({ calls, events, logger: opts.logger, retryEveryMs: opts.eventRetryEveryMs ?? 1000 });
  const streamUrl = url(STREAM_PATH).replace(/^http/, 'ws');
  const callDeps: CallDeps = {
    logger: opts.logger,
    numbers,
    admission: createCallAdmission(conversation.runtime.snapshots),
    callCap: createCallCap(conversation.runtime.snapshots),
    turns,
    calls,
    slots,
    events,
    heldEnds,
    sms: {
      send: async (message) => {
        await twilioRest.messages.create(message);
      },
    },
    urls: {
      turn: url('/voice/turn'),
      recording: url('/voice/recording'),
      dialResult: url('/voice/dial-result'),
      whisper: (callSid) => publicUrl(opts.publicBaseUrl, '/voice/whisper', { call: callSid }),
      streamEnded: url('/voice/stream-ended'),
    },
    ...(opts.realtime ? { stream: { url: streamUrl, tokens } } : {}),
    now,
  };
  const stream: StreamDeps | undefined = opts.realtime && {
    logger: opts.logger,
    calls,
    tokens,
    numbers,
    snapshots: conversation.runtime.snapshots,
    turns,
    recordSpokenTurn: (turn) => conversation.runtime.recordSpokenTurn(turn),
    loadHistory: async (tenantId, sessionId) => (await conversation.runtime.loadSession(tenantId, sessionId)).history,
    tools: (snapshot, sessionId) => opts.engine.sessionTools(snapshot, sessionId),
    realtime: opts.realtime,
    updateCall: async (callSid, twiml) => {
      await twilioRest.calls(callSid).update({ twiml });
    },
    urls: callDeps.urls,
    now,
  };
  return {
    deps: {
      logger: opts.logger,
      redis: opts.redis,
      calls: callDeps,
      twilioAuthToken: opts.twilio.authToken,
      publicBaseUrl: opts.publicBaseUrl,
      trustProxyHops: opts.trustProxyHops,
    },
    outbound: {
      logger: opts.logger,
      redis: opts.redis,
      keyPrefix: opts.keyPrefix,
      turns,
      numbers,
      calls,
      slots,
      callCap: callDeps.callCap,
      twilio: twilioRest,
      urls: { answer: url('/voice/outbound'), status: url('/voice/status') },
      now,
    },
    ...(stream ? { stream } : {}),
    listenForTenantUpdates: (subscriber) => conversation.listenForTenantUpdates(subscriber, () => numbers.clear()),
    closeEvents: async () => {
      await heldEnds.close();
      await conversation.close();
    },
  };
}

import type { ConversationRuntime, EventPublisher, SnapshotStore } from '@vocalia/conversation';
import { createApp as createServiceApp, pingRedis, type Logger, type Redis } from '@vocalia/service-kit';
import type { RealtimeAvailability } from './config/realtime-availability';
import { configRoutes } from './config/routes';
import { publicCors } from './cors/public-cors';
import type { RateLimits } from './rate-limit/rate-limits';
import { respondRoutes } from './respond/routes';
import type { TurnAdmission } from './respond/turn-admission';
import type { PreviewGrants, SessionTokens } from '@vocalia/widget-auth';
import { socialProofRoutes } from './social-proof/routes';
import type { SocialProofSource } from './social-proof/social-proof-source';
import { widgetRoutes } from './widget/routes';
import type { WidgetAsset } from './widget/widget-asset';

export interface Deps {
  logger: Logger;
  redis: Redis;
  /** The turn runtime shared with the other channels; `snapshots` and `events` are its own. */
  conversation: ConversationRuntime;
  snapshots: SnapshotStore;
  events: EventPublisher;
  socialProof: SocialProofSource;
  socialProofMaxAgeSec: number;
  rateLimits: RateLimits;
  /** /respond's limits and session read in one Redis round trip. */
  turnAdmission: TurnAdmission;
  sessionTokens: SessionTokens;
  /** Verifies db-api's grants for the dashboard's live preview of the widget. */
  previewGrants: PreviewGrants;
  widget: WidgetAsset;
  /** Whether the realtime service serves `/realtime` now (its heartbeat in Redis). */
  realtime: RealtimeAvailability;
  /** Proxies in front of us (Traefik or the local edge): the client IP is the address they saw. */
  trustProxyHops: number;
  /** PUBLIC_BASE_URL, and its origin: a page served from there (the demo page) is same-origin. */
  publicBaseUrl: string;
  publicOrigin: string;
}

const PUBLIC_ROUTES = ['/respond', '/config', '/social-proof'];

/** The voice-api app: no I/O here, everything arrives in deps. */
export function createApp(deps: Deps) {
  const app = createServiceApp({
    service: 'voice-api',
    // The kit logs every request at `http`, below the default `info`: skip that work when nobody keeps the line.
    logger: deps.logger,
    bodyLimit: '32kb',
    apiPaths: PUBLIC_ROUTES,
    trustProxyHops: deps.trustProxyHops,
    readiness: [{ name: 'redis', check: () => pingRedis(deps.redis) }],
    before: (express) => express.use(PUBLIC_ROUTES, publicCors),
    routes: (router) => {
      respondRoutes(router, deps);
      configRoutes(router, deps);
      socialProofRoutes(router, deps);
      widgetRoutes(router, deps);
    },
  });
  return app;
}

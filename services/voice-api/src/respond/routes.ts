import type { Router } from 'express';
import { RespondRequest, type Feature } from '@vocalia/contracts';
import type { TokenSink } from '@vocalia/agent';
import type { ConversationRuntime, SnapshotStore, TurnRequest } from '@vocalia/conversation';
import { parseInput, type Logger } from '@vocalia/service-kit';
import { checkOrigin } from '../cors/check-origin';
import { previewSessionOrigin } from '../cors/preview-origin';
import { preflight } from '../cors/preflight';
import { requireFeature } from '../plan-gate';
import { requireConversationQuota } from '../quota-gate';
import { ipRateLimit, recordLimit } from '../rate-limit/ip-rate-limit';
import type { RateLimits } from '../rate-limit/rate-limits';
import type { SessionTokens } from '@vocalia/widget-auth';
import { resolveTenant } from '../snapshots/resolve-tenant';
import { authorizeWidget } from './authorize-widget';
import { openEventStream, streamProblem, wantsEventStream } from './event-stream';

export interface RespondRouteDeps {
  conversation: ConversationRuntime;
  snapshots: SnapshotStore;
  rateLimits: RateLimits;
  sessionTokens: SessionTokens;
  logger: Logger;
  publicOrigin: string;
}

const CHANNEL_FEATURE: Record<'widget' | 'voice' | 'api', Feature> = { widget: 'widget_text', voice: 'widget_voice', api: 'api_access' };

export function respondRoutes(router: Router, deps: RespondRouteDeps): void {
  const ipLimit = ipRateLimit(deps.rateLimits);
  router.options('/respond', ipLimit, preflight(deps.snapshots, 'POST, OPTIONS'));
  router.post('/respond', ipLimit, async (req, res) => {
    const input = parseInput(RespondRequest, req.body);
    const snapshot = await resolveTenant(deps.snapshots, input.tenantId, 'body');
    const origin = checkOrigin(snapshot, req.headers.origin, previewSessionOrigin(deps.sessionTokens, req.headers.authorization, deps.publicOrigin));
    authorizeWidget(deps.sessionTokens, req.headers.authorization, snapshot, origin);
    const channel = input.context?.channel ?? 'widget';
    requireFeature(snapshot, CHANNEL_FEATURE[channel], `The ${channel} channel`);
    requireConversationQuota(snapshot);
    const session = deps.conversation.loadSession(snapshot.tenant.id, input.sessionId);
    recordLimit(res, await deps.rateLimits.consumeTenant(snapshot.tenant.id, snapshot.tenant.plan));

    const abort = new AbortController();
    res.on('close', () => res.writableFinished || abort.abort());
    const turn: TurnRequest = {
      snapshot,
      sessionId: input.sessionId,
      channel,
      origin,
      requestId: String(res.locals.requestId),
      text: input.message,
      language: input.language,
      agentId: input.agentId,
      context: input.context,
      session,
      signal: abort.signal,
    };
    if (!wantsEventStream(req)) {
      res.setHeader('Cache-Control', 'no-store');
      res.json(await deps.conversation.respond(turn));
      return;
    }
    const stream = openEventStream(res);
    const onToken: TokenSink = (text) => stream.send('token', { text });
    try {
      stream.send('done', await deps.conversation.respond(turn, onToken));
    } catch (err) {
      if (!abort.signal.aborted) deps.logger.error('streamed answer failed', { err });
      stream.send('error', streamProblem(err, res, req.originalUrl));
    }
    stream.end();
  });
}

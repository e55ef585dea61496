import type { Request, Response, Router } from 'express';
import { RespondRequest, type Feature } from '@vocalia/contracts';
import type { TokenSink } from '@vocalia/agent';
import type { ConversationRuntime, SnapshotStore, TurnRequest } from '@vocalia/conversation';
import { answeredValue, heldValue, IDEMPOTENT_REPLAYED_HEADER, ipRateKey, parseInput, replayOf, sendReplay, type IdempotentAnswer, type Logger } from '@vocalia/service-kit';
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
import { prepareAhead } from './prepare-ahead';
import { sendJsonText } from './send-json';
import { respondIdempotency } from './idempotency';
import type { TurnAdmission, TurnAdmissionRequest } from './turn-admission';

export interface RespondRouteDeps {
  conversation: ConversationRuntime;
  snapshots: SnapshotStore;
  rateLimits: RateLimits;
  sessionTokens: SessionTokens;
  turnAdmission: TurnAdmission;
  logger: Logger;
  publicOrigin: string;
}

const CHANNEL_FEATURE: Record<'widget' | 'voice' | 'api', Feature> = { widget: 'widget_text', voice: 'widget_voice', api: 'api_access' };

/**
 * Everything /respond checks before the turn, without Redis when the tenant's snapshot is in memory.
 * The caller's IP is still counted on every request: up front when the snapshot must be fetched (the
 * limit comes before any lookup), on the way out when a check refuses (a 429 then wins), and otherwise
 * in the turn's one admission script.
 */
async function checkTurn(deps: RespondRouteDeps, req: Request, res: Response) {
  const ip = ipRateKey(req.ip ?? req.socket.remoteAddress ?? 'unknown');
  let ipCounted = false;
  const countIp = async () => {
    ipCounted = true;
    recordLimit(res, await deps.rateLimits.consumeIp(ip));
  };
  try {
    const input = parseInput(RespondRequest, req.body);
    if (!deps.snapshots.holds(input.tenantId)) await countIp();
    const snapshot = await resolveTenant(deps.snapshots, input.tenantId, 'body');
    const origin = checkOrigin(snapshot, req.headers.origin, previewSessionOrigin(deps.sessionTokens, req.headers.authorization, deps.publicOrigin));
    authorizeWidget(deps.sessionTokens, req.headers.authorization, snapshot, origin);
    const channel = input.context?.channel ?? 'widget';
    requireFeature(snapshot, CHANNEL_FEATURE[channel], `The ${channel} channel`);
    requireConversationQuota(snapshot);
    return { input, snapshot, origin, channel, ip: ipCounted ? null : ip, idempotent: respondIdempotency(req, input) };
  } catch (err) {
    if (!ipCounted) await countIp();
    throw err;
  }
}

/** The first answer of an Idempotency-Key, sent again as it was (JSON, or as a stream's last event); no second turn. */
function replay(req: Request, res: Response, answer: IdempotentAnswer): void {
  res.setHeader('Cache-Control', 'no-store');
  if (!wantsEventStream(req)) return sendReplay(res, answer);
  res.setHeader(IDEMPOTENT_REPLAYED_HEADER, 'true');
  const stream = openEventStream(res);
  stream.send('done', JSON.parse(answer.body ?? 'null'));
  stream.end();
}

export function respondRoutes(router: Router, deps: RespondRouteDeps): void {
  router.options('/respond', ipRateLimit(deps.rateLimits), preflight(deps.snapshots, 'POST, OPTIONS'));
  router.post('/respond', async (req, res) => {
    const { input, snapshot, origin, channel, ip, idempotent } = await checkTurn(deps, req, res);
    const admission: TurnAdmissionRequest = { ip, tenantId: snapshot.tenant.id, plan: snapshot.tenant.plan, sessionId: input.sessionId };
    if (idempotent) admission.idempotency = { id: idempotent.keyId, pending: heldValue(idempotent) };
    const admitting = deps.turnAdmission.admit(admission);
    const prepared = deps.turnAdmission.expectsToAdmit(admission)
      ? prepareAhead(() => deps.conversation.prepare({ snapshot, text: input.message, language: input.language }))
      : undefined;
    const admitted = await admitting;
    for (const limit of admitted.limits) recordLimit(res, limit);
    if (idempotent && admitted.prior !== null) return replay(req, res, replayOf(idempotent, admitted.prior));
    // The key is held for this request: it keeps the answer, or is freed when the turn fails.
    const settle = (body: string | null) => idempotent && deps.turnAdmission.settle(admission, body && answeredValue(idempotent, { status: 200, body }));

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
      session: Promise.resolve(admitted.session),
      prepared: await prepared,
      signal: abort.signal,
    };
    if (!wantsEventStream(req)) {
      res.setHeader('Cache-Control', 'no-store');
      let body: string;
      try {
        body = JSON.stringify(await deps.conversation.respond(turn));
      } catch (err) {
        settle(null);
        throw err;
      }
      sendJsonText(res, body);
      settle(body);
      return;
    }
    const stream = openEventStream(res);
    const onToken: TokenSink = (text) => stream.send('token', { text });
    try {
      const answer = await deps.conversation.respond(turn, onToken);
      stream.send('done', answer);
      if (idempotent) settle(JSON.stringify(answer));
    } catch (err) {
      settle(null);
      if (!abort.signal.aborted) deps.logger.error('streamed answer failed', { err });
      stream.send('error', streamProblem(err, res, req.originalUrl));
    }
    stream.end();
  });
}

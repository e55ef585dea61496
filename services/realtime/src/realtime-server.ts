import { randomUUID } from 'node:crypto';
import type { IncomingMessage, Server } from 'node:http';
import type { Duplex } from 'node:stream';
import { WebSocketServer, type WebSocket } from 'ws';
import { AppError, trackVoiceSessions, type Logger } from '@vocalia/service-kit';
import { admitUpgrade, type AdmitDeps } from './upgrade/admit-upgrade';
import { refuseUpgrade } from './upgrade/refuse-upgrade';
import { VOICE_SESSION_LIMITS, type PlanId, type VoiceSessionLimits } from '@vocalia/contracts';
import { CLOSE, limitsForPlan } from './session/session-limits';
import type { SessionPlaces } from './session/session-places';
import { runVoiceSession, type VoiceSessionDeps } from './session/voice-session';

export interface RealtimeServerDeps extends AdmitDeps, Omit<VoiceSessionDeps, 'openModel'> {
  logger: Logger;
  /** The speech path; without one every upgrade is refused 503 (and voice-api does not offer realtime). */
  openModel: VoiceSessionDeps['openModel'] | undefined;
  /** Largest binary frame accepted (bytes); larger ones close the socket with 1009. */
  maxFrameBytes: number;
  /** Session length, idle time and concurrency per plan (contracts' matrix unless told). */
  planLimits?: Record<PlanId, VoiceSessionLimits>;
  /** Each tenant's live sessions on every replica: its plan's concurrency holds fleet-wide. */
  places: SessionPlaces;
}

export interface RealtimeServer {
  attach(server: Server): void;
  readonly sessions: number;
  /** Stop taking sessions, ask live ones to reconnect elsewhere (1012), wait for them up to the deadline. */
  drain(deadlineMs: number): Promise<void>;
}

/** `/realtime` WebSocket upgrades: admitted (token, origin, plan) before any socket opens, then one voice session each. */
export function createRealtimeServer(deps: RealtimeServerDeps): RealtimeServer {
  const wss = new WebSocketServer({ noServer: true, perMessageDeflate: false, maxPayload: deps.maxFrameBytes });
  const live = new Map<string, { close: (code: number, reason: string) => void; done: Promise<void> }>();
  const perTenant = new Map<string, number>();
  let draining = false;
  const untrack = trackVoiceSessions(() => live.size);

  const onUpgrade = (req: IncomingMessage, socket: Duplex, head: Buffer) => {
    const requestId = randomUUID();
    if (new URL(req.url ?? '/', 'http://realtime').pathname !== '/realtime') return void refuseUpgrade(socket, new AppError('NOT_FOUND', 'Only /realtime takes WebSocket upgrades.'), requestId);
    void (async () => {
      try {
        if (draining) throw new AppError('UNAVAILABLE', 'This server is restarting; the widget uses browser speech meanwhile.');
        const { openModel } = deps;
        if (!openModel) throw new AppError('UNAVAILABLE', 'No speech model is configured for streaming voice; the widget uses browser speech.');
        const admitted = await admitUpgrade(deps, req);
        const tenantId = admitted.snapshot.tenant.id;
        const { plan, voiceSecondsLeft } = admitted.snapshot.tenant;
        const limits = limitsForPlan(deps.limits, (deps.planLimits ?? VOICE_SESSION_LIMITS)[plan], voiceSecondsLeft);
        const max = limits.maxSessionsPerTenant;
        if ((perTenant.get(tenantId) ?? 0) >= max || !(await deps.places.take(tenantId, requestId, max))) throw new AppError('RATE_LIMITED', 'Too many voice sessions for this account right now.');
        // A client gone before the upgrade completes (ws then never calls back) gives its place back at once.
        const vanished = () => deps.places.release(tenantId, requestId);
        if (socket.destroyed) return vanished();
        socket.once('close', vanished);
        wss.handleUpgrade(req, socket, head, (ws) => {
          socket.off('close', vanished);
          // Full: the socket opens only to say so with 1013, the close code browsers understand as "try again later".
          if (live.size >= deps.limits.maxSessions) {
            deps.places.release(tenantId, requestId);
            return overloaded(ws, tenantId, requestId);
          }
          const giveBack = deps.places.hold(tenantId, requestId, limits.maxSessionMs);
          perTenant.set(tenantId, (perTenant.get(tenantId) ?? 0) + 1);
          const done = runVoiceSession({ ...deps, limits, openModel }, ws, admitted, requestId).finally(() => {
            giveBack();
            live.delete(requestId);
            const left = (perTenant.get(tenantId) ?? 1) - 1;
            if (left > 0) perTenant.set(tenantId, left);
            else perTenant.delete(tenantId);
          });
          live.set(requestId, { close: (code, reason) => ws.close(code, reason), done });
        });
      } catch (err) {
        const refused = refuseUpgrade(socket, err, requestId);
        if (refused.status >= 500) deps.logger.error('realtime upgrade failed', { requestId, err });
        else deps.logger.info('realtime upgrade refused', { requestId, ...refused });
      }
    })();
  };

  const overloaded = (ws: WebSocket, tenantId: string, requestId: string) => {
    deps.logger.warn('realtime overloaded: session refused', { requestId, tenantId, sessions: live.size });
    ws.send(JSON.stringify({ type: 'error', status: 503, code: 'OVERLOADED', title: 'Service Unavailable', detail: 'Voice is busy right now; the widget uses browser speech meanwhile.' }));
    ws.close(CLOSE.tryAgainLater, 'overloaded');
  };

  return {
    attach: (server) => void server.on('upgrade', onUpgrade),
    get sessions() {
      return live.size;
    },
    async drain(deadlineMs) {
      draining = true;
      for (const session of live.values()) session.close(CLOSE.serviceRestart, 'server restarting');
      const all = Promise.all([...live.values()].map((s) => s.done));
      await Promise.race([all, new Promise((resolve) => setTimeout(resolve, deadlineMs).unref())]);
      for (const ws of wss.clients) ws.terminate();
      wss.close();
      untrack();
    },
  };
}

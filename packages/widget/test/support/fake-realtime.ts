import type { Server } from 'node:http';
import { WebSocketServer, type RawData, type WebSocket } from 'ws';

/** What the fake /realtime saw, for assertions. */
export interface RealtimeLog {
  /** Upgrades refused before any socket opened, by status. */
  refused: number[];
  /** When set, every upgrade is refused with this status (realtime down, or the plan refused). */
  refuseWith?: number;
  starts: Array<Record<string, unknown>>;
  audioFrames: number;
  oddFrames: number;
  stops: number;
  /** Sessions still to end with 1012 right after their answer, as a replica leaving a rolling update does. */
  restarts?: number;
  /** Sessions still to be cut right after their answer, with no close frame (a network change, a replica that died). */
  drops?: number;
  /** Sockets still to be closed with 1013 as soon as they open, as a replica at its session limit does. */
  overloaded?: number;
  /** Sockets closed so (1013). */
  overloadedClosed: number;
}

/** The session of a valid, unexpired token (whatever page it is used from), else undefined. */
export type VerifyToken = (token: unknown) => { tenantId: string; origin: string } | undefined;

/** 0.3 s of a 440 Hz tone as PCM16 LE at 24 kHz: the "spoken" answer. */
function tone(): Buffer {
  const samples = 24_000 * 0.3;
  const out = Buffer.alloc(samples * 2);
  for (let i = 0; i < samples; i++) out.writeInt16LE(Math.round(Math.sin((2 * Math.PI * 440 * i) / 24_000) * 8000), i * 2);
  return out;
}

/**
 * The browser side of `/realtime?token=` as the widget speaks it: the upgrade refused (401 bad token,
 * 403 wrong origin) before any socket opens, then a JSON `start` frame, binary PCM16 (24 kHz) up, then
 * `ready`, `speech_started`, `transcript` and PCM16 down.
 * After five audio frames the fake "hears" a question and answers it (then closes with 1012 while
 * `restarts` says so, or cuts it while `drops` does). While `overloaded` says so, a socket is closed with
 * 1013 as it opens.
 */
export function attachFakeRealtime(server: Server, verify: VerifyToken, log: RealtimeLog): void {
  const wss = new WebSocketServer({ noServer: true, perMessageDeflate: false });
  server.on('upgrade', (req, socket, head) => {
    const url = new URL(req.url ?? '/', 'http://fake');
    if (url.pathname !== '/realtime') return void socket.destroy();
    const session = verify(url.searchParams.get('token'));
    const status = log.refuseWith ?? (!session ? 401 : session.origin !== req.headers.origin ? 403 : 0);
    if (status) {
      log.refused.push(status);
      return void socket.end(`HTTP/1.1 ${status} Refused\r\nContent-Length: 0\r\nConnection: close\r\n\r\n`);
    }
    wss.handleUpgrade(req, socket, head, (ws) => run(ws, req.headers.origin));
  });

  function run(ws: WebSocket, origin: string | undefined): void {
    if (log.overloaded) {
      log.overloaded--;
      log.overloadedClosed++;
      return ws.close(1013, 'overloaded');
    }
    let started = false;
    let frames = 0;
    ws.on('message', (data: RawData, isBinary: boolean) => {
      if (!isBinary) {
        const message = JSON.parse(String(data)) as Record<string, unknown>;
        if (message.type === 'stop') {
          log.stops++;
          return ws.close(1000);
        }
        if (message.type !== 'start') return;
        log.starts.push(message);
        const session = verify(message.token);
        if (!session || session.origin !== origin || session.tenantId !== message.tenantId) {
          ws.send(JSON.stringify({ type: 'error', status: 401, code: 'UNAUTHENTICATED', title: 'Unauthorized', detail: 'The widget session token is not valid.' }));
          return ws.close(4401, 'unauthenticated');
        }
        started = true;
        return ws.send(JSON.stringify({ type: 'ready' }));
      }
      if (!started) return;
      const bytes = Buffer.isBuffer(data) ? data.length : 0;
      log.audioFrames++;
      if (bytes % 2 !== 0 || bytes === 0) log.oddFrames++;
      if (++frames !== 5) return;
      ws.send(JSON.stringify({ type: 'speech_started' }));
      ws.send(JSON.stringify({ type: 'transcript', role: 'user', text: 'Vous êtes ouverts demain ?', final: true }));
      ws.send(tone());
      ws.send(JSON.stringify({ type: 'transcript', role: 'assistant', text: 'Oui, demain de 9 h à 19 h.', final: true }));
      if (log.drops) {
        log.drops--;
        return ws.terminate();
      }
      if (!log.restarts) return;
      log.restarts--;
      ws.close(1012, 'server restarting');
    });
  }
}

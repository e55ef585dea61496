import type { Server } from 'node:http';
import { WebSocketServer } from 'ws';
import { trackActiveCalls } from '@vocalia/service-kit';
import { bridgeMediaStream, type MediaStreamBridge } from './media-bridge';
import type { StreamDeps } from './stream-opening';

export const STREAM_PATH = '/voice/stream';

export interface MediaStreams extends WebSocketServer {
  /** A leaving replica hands every live call over (each stream closed once its reply is heard, within `maxWaitMs`). */
  handOver(maxWaitMs: number): Promise<void>;
}

/** Twilio's media streams on `/voice/stream` (WebSocket upgrades of the HTTP server); anything else is refused. */
export function attachMediaStreams(server: Server, deps: StreamDeps): MediaStreams {
  const wss = new WebSocketServer({ noServer: true, perMessageDeflate: false, maxPayload: 64 * 1024 });
  wss.once('close', trackActiveCalls(() => wss.clients.size));
  const live = new Set<MediaStreamBridge>();
  server.on('upgrade', (req, socket, head) => {
    if (new URL(req.url ?? '/', 'http://x').pathname !== STREAM_PATH) {
      socket.destroy();
      return;
    }
    wss.handleUpgrade(req, socket, head, (ws) => {
      const bridge = bridgeMediaStream(deps, ws, socket);
      live.add(bridge);
      ws.once('close', () => live.delete(bridge));
    });
  });
  return Object.assign(wss, { handOver: async (maxWaitMs: number) => void (await Promise.all([...live].map((b) => b.handOver(maxWaitMs)))) });
}

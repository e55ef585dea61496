import type { Server } from 'node:http';
import { WebSocketServer } from 'ws';
import { trackActiveCalls } from '@vocalia/service-kit';
import { bridgeMediaStream, type StreamDeps } from './media-bridge';

export const STREAM_PATH = '/voice/stream';

/** Twilio's media streams on `/voice/stream` (WebSocket upgrades of the HTTP server); anything else is refused. */
export function attachMediaStreams(server: Server, deps: StreamDeps): WebSocketServer {
  const wss = new WebSocketServer({ noServer: true, perMessageDeflate: false, maxPayload: 64 * 1024 });
  wss.once('close', trackActiveCalls(() => wss.clients.size));
  server.on('upgrade', (req, socket, head) => {
    if (new URL(req.url ?? '/', 'http://x').pathname !== STREAM_PATH) {
      socket.destroy();
      return;
    }
    wss.handleUpgrade(req, socket, head, (ws) => bridgeMediaStream(deps, ws, socket));
  });
  return wss;
}

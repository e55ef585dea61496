import { randomUUID } from 'node:crypto';
import type { IncomingMessage } from 'node:http';

/** Same rule as the services' request-id middleware: reuse a sane incoming id, else mint one. */
const VALID_ID = /^[A-Za-z0-9._:-]{8,128}$/;

export function requestIdFor(req: IncomingMessage): string {
  const incoming = req.headers['x-request-id'];
  const id = typeof incoming === 'string' && VALID_ID.test(incoming) ? incoming : randomUUID();
  req.headers['x-request-id'] = id;
  return id;
}

function clientIp(req: IncomingMessage): string {
  return (req.socket.remoteAddress ?? '').replace(/^::ffff:/, '');
}

function first(value: string | string[] | undefined): string | undefined {
  return Array.isArray(value) ? value[0] : value;
}

/**
 * Set X-Forwarded-For/Proto/Host/Port and X-Real-Ip as Traefik does: the edge is the first hop,
 * so a client's own X-Forwarded-* are replaced, unless `trust` (a tunnel such as ngrok in front
 * of the edge, whose https URL is what Twilio signs). WebSocket upgrades get `ws`, like Traefik.
 */
export function setForwardedHeaders(req: IncomingMessage, trust: boolean): void {
  const h = req.headers;
  const ip = clientIp(req);
  const isWebSocket = (first(h.upgrade) ?? '').toLowerCase() === 'websocket';
  const priorFor = trust ? first(h['x-forwarded-for']) : undefined;
  h['x-forwarded-for'] = priorFor ? `${priorFor}, ${ip}` : ip;
  if (!trust || !h['x-forwarded-proto']) h['x-forwarded-proto'] = isWebSocket ? 'ws' : 'http';
  if (!trust || !h['x-forwarded-host']) h['x-forwarded-host'] = h.host ?? '';
  if (!trust || !h['x-forwarded-port']) h['x-forwarded-port'] = String(req.socket.localPort ?? '');
  h['x-real-ip'] = ip;
}

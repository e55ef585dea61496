import { STATUS_CODES } from 'node:http';
import type { Duplex } from 'node:stream';
import { PROBLEM_CONTENT_TYPE } from '@vocalia/contracts';
import { AppError } from '@vocalia/service-kit';

/** The problem the browser gets instead of a socket: an HTTP answer written on the raw connection, then closed. */
export function refuseUpgrade(socket: Duplex, err: unknown, requestId: string): { status: number; code: string } {
  const known = err instanceof AppError ? err : undefined;
  const status = known?.status ?? 500;
  const code = known?.code ?? 'INTERNAL';
  const title = STATUS_CODES[status] ?? 'Error';
  const body = JSON.stringify({
    type: `https://docs.vocalia.ai/problems/${code.toLowerCase().replace(/_/g, '-')}`,
    title,
    status,
    code,
    detail: known ? known.message : `Internal error (request ${requestId})`,
    instance: '/realtime',
    requestId,
  });
  if (socket.writable) {
    socket.end(
      `HTTP/1.1 ${status} ${title}\r\nContent-Type: ${PROBLEM_CONTENT_TYPE}\r\nContent-Length: ${Buffer.byteLength(body)}\r\nX-Request-Id: ${requestId}\r\nConnection: close\r\n\r\n${body}`,
    );
  }
  socket.destroy();
  return { status, code };
}

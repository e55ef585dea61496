import type { ServerResponse } from 'node:http';
import type { Duplex } from 'node:stream';
import { STATUS_CODES } from 'node:http';
import { PROBLEM_CONTENT_TYPE, type Problem } from '@vocalia/contracts';

export interface EdgeProblem {
  status: number;
  code: string;
  detail: string;
  instance: string;
  requestId: string;
}

/** The same problem+json shape the services answer with (service-kit's sendProblem). */
export function problemJson(p: EdgeProblem): string {
  const body: Problem = {
    type: `https://docs.vocalia.ai/problems/${p.code.toLowerCase().replace(/_/g, '-')}`,
    title: STATUS_CODES[p.status] ?? 'Error',
    status: p.status,
    code: p.code,
    detail: p.detail,
    instance: p.instance,
    requestId: p.requestId,
  };
  return JSON.stringify(body);
}

export function sendProblem(res: ServerResponse, p: EdgeProblem): void {
  const body = problemJson(p);
  res.writeHead(p.status, { 'Content-Type': PROBLEM_CONTENT_TYPE, 'Content-Length': Buffer.byteLength(body), 'X-Request-Id': p.requestId });
  res.end(body);
}

/** For a WebSocket upgrade that is refused: a plain HTTP response on the raw socket, then close. */
export function writeProblemToSocket(socket: Duplex, p: EdgeProblem): void {
  const body = problemJson(p);
  const head = [
    `HTTP/1.1 ${p.status} ${STATUS_CODES[p.status] ?? 'Error'}`,
    `Content-Type: ${PROBLEM_CONTENT_TYPE}`,
    `Content-Length: ${Buffer.byteLength(body)}`,
    `X-Request-Id: ${p.requestId}`,
    'Connection: close',
  ];
  socket.end(`${head.join('\r\n')}\r\n\r\n${body}`);
}

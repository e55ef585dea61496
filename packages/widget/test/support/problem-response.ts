import type { ServerResponse } from 'node:http';
import { ERROR_CODES, PROBLEM_CONTENT_TYPE, type ErrorCode, type Problem } from '@vocalia/contracts';

const TITLES: Record<number, string> = { 400: 'Bad Request', 401: 'Unauthorized', 402: 'Payment Required', 403: 'Forbidden', 404: 'Not Found', 503: 'Service Unavailable' };

/** problem+json exactly as the service kit writes it (type URL, title, status, code, detail, instance). */
export function sendProblem(res: ServerResponse, code: ErrorCode, detail: string, instance: string, extra: Partial<Problem> = {}): void {
  const status = ERROR_CODES[code];
  const body: Problem = {
    type: `https://docs.vocalia.ai/problems/${code.toLowerCase().replace(/_/g, '-')}`,
    title: TITLES[status] ?? 'Error',
    status,
    code,
    detail,
    instance,
    requestId: `req_${Math.random().toString(16).slice(2, 10)}`,
    ...extra,
  };
  res.statusCode = status;
  res.setHeader('Content-Type', PROBLEM_CONTENT_TYPE);
  res.end(JSON.stringify(body));
}

export function sendJson(res: ServerResponse, status: number, body: unknown): void {
  res.statusCode = status;
  res.setHeader('Content-Type', 'application/json; charset=utf-8');
  res.end(JSON.stringify(body));
}

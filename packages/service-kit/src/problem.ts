import type { ErrorRequestHandler, RequestHandler, Response } from 'express';
import { ERROR_CODES, PROBLEM_CONTENT_TYPE, type Problem } from '@vocalia/contracts';
import { AppError } from './errors';
import type { Logger } from './logger';

const TITLES: Record<number, string> = {
  400: 'Bad Request',
  401: 'Unauthorized',
  403: 'Forbidden',
  404: 'Not Found',
  409: 'Conflict',
  413: 'Payload Too Large',
  415: 'Unsupported Media Type',
  429: 'Too Many Requests',
  500: 'Internal Server Error',
  502: 'Bad Gateway',
  503: 'Service Unavailable',
};

export function sendProblem(res: Response, problem: Omit<Problem, 'title' | 'type'> & { title?: string }): void {
  const body: Problem = {
    type: `https://docs.vocalia.ai/problems/${problem.code.toLowerCase().replace(/_/g, '-')}`,
    title: problem.title ?? TITLES[problem.status] ?? 'Error',
    ...problem,
    requestId: problem.requestId ?? (res.locals.requestId as string | undefined),
  };
  res.status(problem.status).type(PROBLEM_CONTENT_TYPE).send(JSON.stringify(body));
}

type Known = Omit<Problem, 'title' | 'type' | 'instance' | 'requestId'> & { headers?: Record<string, string> };

function fromAppError(err: AppError): Known {
  const { errors, feature, requiredPlan, headers } = err.extras;
  return { status: err.status, code: err.code, detail: err.message, errors, feature, requiredPlan, headers };
}

const codeFor = (status: number): string => Object.entries(ERROR_CODES).find(([, s]) => s === status)?.[0] ?? `HTTP_${status}`;

interface HttpError {
  status?: unknown;
  statusCode?: unknown;
  expose?: unknown;
  type?: unknown;
  message?: string;
  limit?: number;
}

/**
 * Errors from express's parsers (http-errors, `expose` set) and router (URIError on a malformed
 * percent-encoded path) carry the 4xx to answer. Other libraries' `status` (an upstream's 401) is ours to hide.
 */
function fromHttpError(err: HttpError): Known | undefined {
  const { type, limit, message = 'bad request' } = err;
  const status = err.status ?? err.statusCode;
  const malformedPath = err instanceof URIError;
  if (!(err.expose === true || malformedPath) || typeof status !== 'number' || status < 400 || status > 499) return undefined;
  if (type === 'entity.parse.failed') return { status, code: 'BAD_JSON', detail: `Malformed JSON body: ${message}` };
  if (type === 'entity.too.large') return { status, code: 'PAYLOAD_TOO_LARGE', detail: `Body exceeds the limit of ${limit ?? '?'} bytes` };
  if (malformedPath) return { status, code: codeFor(status), detail: `Malformed percent-encoding in the path: ${message}`, errors: [{ path: 'path', message }] };
  const where = type === 'encoding.unsupported' ? 'header.content-encoding' : type === 'charset.unsupported' ? 'header.content-type' : 'body';
  const detail = where === 'body' ? `The body cannot be read: ${message}` : message;
  return { status, code: codeFor(status), detail, errors: [{ path: where, message }] };
}

/** The one error handler: AppError and parser/router errors -> their status; anything else -> 500 "Internal error" and a log line. */
export function problemHandler(logger: Logger): ErrorRequestHandler {
  return (err: unknown, req, res, _next) => {
    const known = err instanceof AppError ? fromAppError(err) : fromHttpError((err ?? {}) as HttpError);
    if (known) {
      const { headers, ...problem } = known;
      for (const [k, v] of Object.entries(headers ?? {})) res.setHeader(k, v);
      if (known.status >= 500) logger.error('request failed', { code: known.code, detail: known.detail, path: req.path });
      sendProblem(res, { ...problem, instance: req.originalUrl });
      return;
    }
    logger.error('unhandled error', { err, path: req.path });
    sendProblem(res, { status: 500, code: 'INTERNAL', detail: `Internal error (request ${String(res.locals.requestId)})`, instance: req.originalUrl });
  };
}

export const notFoundHandler: RequestHandler = (req, res) => {
  sendProblem(res, { status: 404, code: 'NOT_FOUND', detail: `No route for ${req.method} ${req.path}`, instance: req.originalUrl });
};

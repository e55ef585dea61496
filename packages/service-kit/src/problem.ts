import type { ErrorRequestHandler, RequestHandler, Response } from 'express';
import { PROBLEM_CONTENT_TYPE, type Problem } from '@vocalia/contracts';
import { AppError } from './errors';
import type { Logger } from './logger';

const TITLES: Record<number, string> = {
  400: 'Bad Request',
  401: 'Unauthorized',
  403: 'Forbidden',
  404: 'Not Found',
  409: 'Conflict',
  413: 'Payload Too Large',
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

function fromBodyParser(err: { type?: string; message?: string; limit?: number }): AppError | undefined {
  if (err.type === 'entity.parse.failed') return new AppError('BAD_JSON', `Malformed JSON body: ${err.message ?? 'cannot parse'}`);
  if (err.type === 'entity.too.large') return new AppError('PAYLOAD_TOO_LARGE', `Body exceeds the limit of ${err.limit ?? '?'} bytes`);
  if (err.type === 'charset.unsupported' || err.type === 'encoding.unsupported') return new AppError('VALIDATION_FAILED', err.message ?? 'Unsupported encoding');
  return undefined;
}

/** The one error handler: AppError -> its status; anything else -> 500 "Internal error" and a log line. */
export function problemHandler(logger: Logger): ErrorRequestHandler {
  return (err: unknown, req, res, _next) => {
    const known = err instanceof AppError ? err : fromBodyParser(err as never);
    if (known) {
      for (const [k, v] of Object.entries(known.extras.headers ?? {})) res.setHeader(k, v);
      if (known.status >= 500) logger.error('request failed', { code: known.code, detail: known.message, path: req.path });
      sendProblem(res, {
        status: known.status,
        code: known.code,
        detail: known.message,
        instance: req.originalUrl,
        errors: known.extras.errors,
        feature: known.extras.feature,
        requiredPlan: known.extras.requiredPlan,
      });
      return;
    }
    logger.error('unhandled error', { err, path: req.path });
    sendProblem(res, { status: 500, code: 'INTERNAL', detail: `Internal error (request ${String(res.locals.requestId)})`, instance: req.originalUrl });
  };
}

export const notFoundHandler: RequestHandler = (req, res) => {
  sendProblem(res, { status: 404, code: 'NOT_FOUND', detail: `No route for ${req.method} ${req.path}`, instance: req.originalUrl });
};

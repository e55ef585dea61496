import { randomUUID } from 'node:crypto';
import type { RequestHandler } from 'express';
import { bindToCurrentContext, runWithContext } from './context';

const VALID_ID = /^[A-Za-z0-9._:-]{8,128}$/;

/**
 * Reuse a sane incoming `X-Request-Id` (the edge sets one), else mint one; echo it back. The request
 * stream emits its events in the request's context (they would otherwise run in the socket's), so
 * an error thrown from a body parser's listener is still traced to this request.
 */
export const requestId: RequestHandler = (req, res, next) => {
  const incoming = req.get('x-request-id');
  const id = incoming && VALID_ID.test(incoming) ? incoming : randomUUID();
  res.locals.requestId = id;
  res.setHeader('X-Request-Id', id);
  runWithContext({ requestId: id, response: res }, () => {
    req.emit = bindToCurrentContext('vocalia.request', req.emit, req) as typeof req.emit;
    next();
  });
};

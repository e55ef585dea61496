import type { ErrorRequestHandler, Request } from 'express';
import { AppError, type Logger } from '@vocalia/service-kit';

const escape = (s: string) => s.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);

/** A browser asks for HTML first; API clients (`*\/*`, JSON) get problem+json from the kit's handler. */
export const prefersHtml = (req: Request): boolean => req.accepts(['application/json', 'application/problem+json', 'text/html']) === 'text/html';

function page(status: number, detail: string, backTo: string, requestId: string): string {
  return `<!doctype html>
<html lang="en"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">
<title>Sign-in failed - VocalIA</title>
<style>body{font:16px/1.5 system-ui,sans-serif;max-width:36rem;margin:4rem auto;padding:0 1rem;color:#1f2937}h1{font-size:1.5rem}code{color:#6b7280}</style></head>
<body><main><h1>Sign-in failed</h1><p>${escape(detail)}</p><p><a href="${escape(backTo)}">Back to sign-in</a></p>
<p><code>Error ${status} - request ${escape(requestId)}</code></p></main></body></html>`;
}

/** The sign-in routes' errors as a page a person can read (status kept), for browsers only; anything else goes on to problem+json. */
export function signInErrorPage(logger: Logger, backTo: string): ErrorRequestHandler {
  return (err: unknown, req, res, next) => {
    if (!prefersHtml(req)) return next(err);
    const known = err instanceof AppError;
    if (!known) logger.error('unhandled sign-in error', { err, path: req.path });
    const status = known ? err.status : 500;
    const requestId = String(res.locals.requestId ?? '');
    const detail = known ? err.message : 'Something went wrong on our side; please try again.';
    res.status(status).type('html').set('Cache-Control', 'no-store').send(page(status, detail, backTo, requestId));
  };
}

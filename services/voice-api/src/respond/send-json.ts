import type { Response } from 'express';

/**
 * A JSON answer written as it is: express's res.json would hash the body for an ETag, which a POST
 * answer (no-store, never revalidated) has no use for, and copy it into a Buffer to do so.
 */
export function sendJson(res: Response, body: unknown): void {
  res.setHeader('Content-Type', 'application/json; charset=utf-8');
  res.end(JSON.stringify(body));
}

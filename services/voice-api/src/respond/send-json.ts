import type { Response } from 'express';

/**
 * A JSON answer written as it is, serialised by the caller (who may keep the text: an Idempotency-Key's
 * answer): express's res.json would hash the body for an ETag, which a POST answer (no-store, never
 * revalidated) has no use for, and copy it into a Buffer to do so.
 */
export function sendJsonText(res: Response, text: string): void {
  res.setHeader('Content-Type', 'application/json; charset=utf-8');
  res.end(text);
}

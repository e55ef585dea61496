import type { Request } from 'express';
import { normaliseOrigin } from '@vocalia/widget-auth';

/**
 * The origin of the page behind a GET. Browsers send no `Origin` on a same-origin GET, only
 * `Sec-Fetch-Site: same-origin`: that page is on our own public origin (the edge's, from
 * PUBLIC_BASE_URL), which the caller then checks against the tenant like any other origin.
 * undefined when neither says (not a browser).
 */
export function pageOrigin(req: Request, publicOrigin: string): string | undefined {
  if (req.headers.origin !== undefined) return req.headers.origin;
  return req.headers['sec-fetch-site'] === 'same-origin' ? publicOrigin : undefined;
}

/** The origin of PUBLIC_BASE_URL (`https://api.example.com/prefix` -> `https://api.example.com`). */
export function publicOriginOf(publicBaseUrl: string): string {
  const origin = normaliseOrigin(publicBaseUrl);
  if (!origin) throw new Error(`PUBLIC_BASE_URL must be an http(s) URL, got ${JSON.stringify(publicBaseUrl)}`);
  return origin;
}

import type { Request } from 'express';

/**
 * The URLs Twilio may have signed for this request: the one the edge received (X-Forwarded-Proto and
 * X-Forwarded-Host, read through `trust proxy`) and the same path under PUBLIC_BASE_URL.
 */
export function publicUrlsOf(req: Request, publicBaseUrl: string): string[] {
  const forwarded = `${req.protocol}://${req.host}${req.originalUrl}`;
  const configured = new URL(req.originalUrl, publicBaseUrl).toString();
  return forwarded === configured ? [configured] : [forwarded, configured];
}

/** An absolute URL under the public base, for TwiML attributes and REST callbacks. */
export function publicUrl(publicBaseUrl: string, path: string, query?: Record<string, string>): string {
  const url = new URL(path, publicBaseUrl);
  for (const [name, value] of Object.entries(query ?? {})) url.searchParams.set(name, value);
  return url.toString();
}

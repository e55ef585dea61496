import type { RequestHandler } from 'express';
import helmet from 'helmet';

/** A page or a script (the widget, the dashboard): helmet's defaults, loadable from other origins. */
const documentHeaders = helmet({ crossOriginResourcePolicy: { policy: 'cross-origin' } });

/**
 * A JSON answer, as the OWASP REST Security Cheat Sheet has it: nothing in it may run or be framed
 * (`default-src 'none'; frame-ancestors 'none'`, X-Frame-Options DENY), HSTS, nosniff. Helmet's
 * headers for documents only (opener and origin-agent isolation, referrer, DNS prefetch, download
 * options, cross-domain policies, the XSS auditor) are left out: about 430 of the 1,160 bytes of
 * headers every answer carried, which each proxy and client on the way parses.
 */
const apiHeaders = helmet({
  contentSecurityPolicy: { useDefaults: false, directives: { defaultSrc: ["'none'"], frameAncestors: ["'none'"] } },
  crossOriginOpenerPolicy: false,
  crossOriginResourcePolicy: { policy: 'cross-origin' },
  originAgentCluster: false,
  referrerPolicy: false,
  xDnsPrefetchControl: false,
  xDownloadOptions: false,
  xFrameOptions: { action: 'deny' },
  xPermittedCrossDomainPolicies: false,
  xXssProtection: false,
});

const under = (path: string, prefix: string) => path === prefix || path.startsWith(`${prefix}/`);

/** Security headers: the API set on `apiPaths` (and below them), the document set everywhere else. */
export function securityHeaders(apiPaths: readonly string[] = []): RequestHandler {
  if (apiPaths.length === 0) return documentHeaders;
  return (req, res, next) => (apiPaths.some((p) => under(req.path, p)) ? apiHeaders : documentHeaders)(req, res, next);
}

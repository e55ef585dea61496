/**
 * The dashboard's Content-Security-Policy: scripts, styles and API calls from its own origin only, no
 * inline script or style element, not framed; it frames only its own origin (voice-api's /widget/preview, the live preview); call recordings play from blob: URLs (fetched with the access token). Chart.js and Preact set styles through the CSSOM, which CSP allows.
 */
export const DASHBOARD_CSP = [
  "default-src 'none'",
  "script-src 'self'",
  "style-src 'self'",
  "img-src 'self' data:",
  "media-src blob:",
  "font-src 'self'",
  "connect-src 'self'",
  "manifest-src 'self'",
  "base-uri 'none'",
  "form-action 'self'",
  "frame-src 'self'",
  "frame-ancestors 'none'",
  "object-src 'none'",
].join('; ');

/** index.html names the current hashed files: always revalidated. */
export const REVALIDATE_CACHE = 'no-cache';

import type { Request, Response, Router } from 'express';
import { AppError } from '@vocalia/service-kit';
import { tenantIdOf } from '../snapshots/resolve-tenant';
import { demoPageCsp, demoPageHtml } from './demo-page';
import { previewPageCsp, previewPageHtml } from './preview-page';
import type { WidgetAsset } from './widget-asset';

export interface WidgetRouteDeps {
  widget: WidgetAsset;
  publicBaseUrl: string;
  publicOrigin: string;
}

const LATEST_MAX_AGE_SEC = 300;
const IMMUTABLE_MAX_AGE_SEC = 31_536_000;

const acceptsGzip = (req: Request) => /\bgzip\b/.test(req.headers['accept-encoding'] ?? '');

function notModified(req: Request, asset: WidgetAsset): boolean {
  const tags = (req.headers['if-none-match'] ?? '').split(',').map((t) => t.trim().replace(/^W\//, ''));
  return tags.includes(asset.etag) || tags.includes(asset.gzipEtag) || tags.includes('*');
}

function sendBundle(req: Request, res: Response, asset: WidgetAsset, cacheControl: string): void {
  const gzip = acceptsGzip(req);
  res.setHeader('Content-Type', 'application/javascript; charset=utf-8');
  res.setHeader('Cache-Control', cacheControl);
  res.setHeader('ETag', gzip ? asset.gzipEtag : asset.etag);
  res.vary('Accept-Encoding');
  // A public script: any page may load it, from any origin, including with crossorigin + SRI.
  res.setHeader('Access-Control-Allow-Origin', '*');
  res.setHeader('Cross-Origin-Resource-Policy', 'cross-origin');
  if (notModified(req, asset)) {
    res.status(304).end();
    return;
  }
  const body = gzip ? asset.gzip : asset.body;
  if (gzip) res.setHeader('Content-Encoding', 'gzip');
  res.setHeader('Content-Length', String(body.length));
  res.status(200).end(body);
}

/**
 * `/widget/v1/vocalia.js` (latest, short cache), `/widget/v1.<hash>/vocalia.js` (content-addressed,
 * cached for ever) and `/widget/demo?tenantId=` (a page with the tenant's snippet, on our own origin).
 */
export function widgetRoutes(router: Router, deps: WidgetRouteDeps): void {
  const asset = deps.widget;
  router.get('/widget/v1/vocalia.js', (req, res) => sendBundle(req, res, asset, `public, max-age=${LATEST_MAX_AGE_SEC}`));
  router.get('/widget/v1.:hash/vocalia.js', (req, res) => {
    if (req.params.hash !== asset.hash) {
      throw new AppError('NOT_FOUND', `Widget build ${req.params.hash} is not served here; the current one is /widget/v1.${asset.hash}/vocalia.js (or /widget/v1/vocalia.js).`);
    }
    sendBundle(req, res, asset, `public, max-age=${IMMUTABLE_MAX_AGE_SEC}, immutable`);
  });
  // A malformed id is a 404; a well-formed unknown one still gets the page (the widget says what is wrong).
  router.get('/widget/demo', (req, res) => {
    const tenantId = tenantIdOf(req.query.tenantId, 'query');
    res.setHeader('Content-Type', 'text/html; charset=utf-8');
    res.setHeader('Content-Security-Policy', demoPageCsp(deps.publicOrigin));
    res.setHeader('Cache-Control', 'no-store');
    res.send(demoPageHtml(deps.publicBaseUrl, tenantId));
  });
  // Framed by the dashboard (same origin); the widget on it needs db-api's grant in the fragment, or the tenant refuses this origin.
  router.get('/widget/preview', (req, res) => {
    const tenantId = tenantIdOf(req.query.tenantId, 'query');
    res.setHeader('Content-Type', 'text/html; charset=utf-8');
    res.setHeader('Content-Security-Policy', previewPageCsp(deps.publicOrigin));
    res.setHeader('X-Frame-Options', 'SAMEORIGIN');
    res.setHeader('Cache-Control', 'no-store');
    res.send(previewPageHtml(deps.publicBaseUrl, tenantId));
  });
}

import type { Request, Response, Router } from 'express';
import { AppError } from '@vocalia/service-kit';
import type { WidgetAsset } from './widget-asset';

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

/** `/widget/v1/vocalia.js` (latest, short cache) and `/widget/v1.<hash>/vocalia.js` (content-addressed, cached for ever). */
export function widgetRoutes(router: Router, asset: WidgetAsset): void {
  router.get('/widget/v1/vocalia.js', (req, res) => sendBundle(req, res, asset, `public, max-age=${LATEST_MAX_AGE_SEC}`));
  router.get('/widget/v1.:hash/vocalia.js', (req, res) => {
    if (req.params.hash !== asset.hash) {
      throw new AppError('NOT_FOUND', `Widget build ${req.params.hash} is not served here; the current one is /widget/v1.${asset.hash}/vocalia.js (or /widget/v1/vocalia.js).`);
    }
    sendBundle(req, res, asset, `public, max-age=${IMMUTABLE_MAX_AGE_SEC}, immutable`);
  });
}

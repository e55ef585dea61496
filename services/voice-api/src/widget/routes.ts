import type { Request, Response, Router } from 'express';
import { AppError } from '@vocalia/service-kit';
import type { WidgetAsset } from './widget-asset';

const LATEST_MAX_AGE_SEC = 300;
const IMMUTABLE_MAX_AGE_SEC = 31_536_000;

function sendBundle(req: Request, res: Response, asset: WidgetAsset, cacheControl: string): void {
  res.setHeader('Content-Type', 'application/javascript; charset=utf-8');
  res.setHeader('Cache-Control', cacheControl);
  res.setHeader('ETag', asset.etag);
  // A public script: any page may load it, from any origin, including with crossorigin + SRI.
  res.setHeader('Access-Control-Allow-Origin', '*');
  res.setHeader('Cross-Origin-Resource-Policy', 'cross-origin');
  const ifNoneMatch = req.headers['if-none-match'];
  if (ifNoneMatch && ifNoneMatch.split(',').some((tag) => tag.trim().replace(/^W\//, '') === asset.etag)) {
    res.status(304).end();
    return;
  }
  res.setHeader('Content-Length', String(asset.body.length));
  res.status(200).end(req.method === 'HEAD' ? undefined : asset.body);
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

import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import express, { type Router } from 'express';
import { dashboardBuilt } from '@vocalia/dashboard';
import { AppError } from '@vocalia/service-kit';
import { DASHBOARD_CSP, REVALIDATE_CACHE } from './dashboard-headers';

/**
 * The business owner's dashboard (packages/dashboard, built on install) at /app/: index.html is
 * revalidated on every load, the hashed assets are immutable. Routing is in the URL hash, so
 * /app/ is the only page.
 */
export function registerDashboardRoutes(router: Router, distDir: string): void {
  // The router is not strict: '/app' also matches '/app/', which must fall through to index.html.
  router.get('/app', (req, res, next) => (req.path === '/app' ? res.redirect(301, '/app/') : next()));
  router.use(
    '/app/assets',
    (_req, res, next) => {
      res.setHeader('Content-Security-Policy', DASHBOARD_CSP);
      next();
    },
    express.static(join(distDir, 'assets'), { index: false, immutable: true, maxAge: '365d', fallthrough: true, redirect: false }),
  );
  router.get(['/app/', '/app/index.html'], (_req, res) => {
    if (!dashboardBuilt(distDir)) throw new AppError('UNAVAILABLE', 'The dashboard is not built: run `pnpm install` (or `pnpm --filter @vocalia/dashboard build`)');
    res.setHeader('Content-Security-Policy', DASHBOARD_CSP);
    res.setHeader('Cache-Control', REVALIDATE_CACHE);
    res.type('html').send(readFileSync(join(distDir, 'index.html')));
  });
}

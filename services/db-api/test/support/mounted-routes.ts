import express from 'express';
import type { Deps } from '../../src/deps';
import { registerRoutes } from '../../src/routes';

interface Layer {
  route?: { path: string | string[]; methods: Record<string, boolean>; stack?: Array<{ name?: string }> };
  handle?: { stack?: unknown[] };
  name?: string;
}

/** Every `METHOD path` mounted by registerRoutes, read from the router's stack (sub-routers are refused). */
export function mountedRoutes(deps: Deps): string[] {
  const router = express.Router();
  registerRoutes(router, deps);
  const found: string[] = [];
  for (const layer of router.stack as Layer[]) {
    if (!layer.route) {
      if (layer.handle?.stack) throw new Error('routes.ts: mount full paths on the router, not sub-routers (the registry check cannot see inside)');
      continue;
    }
    const paths = Array.isArray(layer.route.path) ? layer.route.path : [layer.route.path];
    for (const method of Object.keys(layer.route.methods).filter((m) => m !== '_all')) {
      for (const path of paths) found.push(`${method.toUpperCase()} ${path}`);
    }
  }
  return found;
}

/** `METHOD path` of every route that mounts `idempotentPost` (its handler is named `idempotencyKey`). */
export function idempotentRoutes(deps: Deps): string[] {
  const router = express.Router();
  registerRoutes(router, deps);
  return (router.stack as Layer[])
    .filter((layer) => layer.route?.stack?.some((s) => s.name === 'idempotencyKey'))
    .flatMap((layer) => Object.keys(layer.route!.methods).filter((m) => m !== '_all').map((m) => `${m.toUpperCase()} ${String(layer.route!.path)}`));
}

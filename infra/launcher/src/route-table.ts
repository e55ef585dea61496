import { readFileSync } from 'node:fs';
import { parse } from 'yaml';
import { z } from 'zod';
import { COMPOSE_FILE } from './paths';

/** How Traefik's dynamic file is read here: only what the local edge needs, the rest is ignored. */
const RoutesFile = z.object({
  http: z.object({
    routers: z.record(z.string(), z.object({ rule: z.string(), service: z.string(), priority: z.number().int().optional() })),
  }),
});

/** The compose file's labels, where Traefik's Docker provider reads each service's port. */
const ComposeFile = z.object({
  services: z.record(z.string(), z.object({ labels: z.record(z.string(), z.union([z.string(), z.number(), z.boolean()])).optional() })),
});

/** In production a container reports the fleet as Traefik sees it; locally the edge answers the same route itself. */
const FLEET_HEALTH_SERVICE = 'edge-health@docker';

export interface PathMatcher {
  type: 'prefix' | 'exact';
  path: string;
}

export type RouteAction =
  | { kind: 'proxy'; service: string; port: number }
  /** edge-health@docker: the local edge answers the whole fleet's health here. */
  | { kind: 'fleet-health' }
  /** Traefik's noop@internal (turned into a 404): refused at the edge, never forwarded. */
  | { kind: 'not-found' };

export interface Route {
  router: string;
  priority: number;
  matchers: PathMatcher[];
  action: RouteAction;
}

export interface FleetService {
  name: string;
  port: number;
}

export interface RouteTable {
  /** Highest priority first, as Traefik evaluates them. */
  routes: Route[];
  /** Every service some router proxies to, with its port. */
  services: FleetService[];
}

const MATCHER = /^(PathPrefix|Path)\(`([^`]+)`\)$/;

/** `PathPrefix(`/a`) || Path(`/b`)` -> matchers. Any other matcher is refused: the local edge could not honour it. */
export function parseRule(rule: string): PathMatcher[] {
  return rule.split('||').map((part) => {
    const m = MATCHER.exec(part.trim());
    if (!m) throw new Error(`route rule not supported by the local edge: ${part.trim()} (use PathPrefix or Path joined by ||)`);
    return { type: m[1] === 'Path' ? 'exact' : 'prefix', path: m[2] ?? '' };
  });
}

/** `traefik.http.services.<name>.loadbalancer.server.port` of every labelled compose service (label keys are case-insensitive). */
function dockerServicePorts(composeDoc: unknown): Map<string, number> {
  const ports = new Map<string, number>();
  for (const { labels } of Object.values(ComposeFile.parse(composeDoc).services)) {
    for (const [key, value] of Object.entries(labels ?? {})) {
      const m = /^traefik\.http\.services\.([^.]+)\.loadbalancer\.server\.port$/i.exec(key);
      if (m) ports.set(m[1]!, Number(value));
    }
  }
  return ports;
}

function actionFor(service: string, ports: Map<string, number>): RouteAction {
  if (service === FLEET_HEALTH_SERVICE) return { kind: 'fleet-health' };
  if (service === 'noop@internal') return { kind: 'not-found' };
  const m = /^(.+)@docker$/.exec(service);
  const port = m ? ports.get(m[1]!) : undefined;
  if (!m || !port) throw new Error(`router points at ${service}: the local edge serves <name>@docker services labelled with a port in docker-compose.production.yml`);
  return { kind: 'proxy', service: m[1]!, port };
}

export function buildRouteTable(routesDoc: unknown, composeDoc: unknown): RouteTable {
  const { http } = RoutesFile.parse(routesDoc);
  const ports = dockerServicePorts(composeDoc);
  const routes = Object.entries(http.routers).map(([router, r]) => ({
    router,
    // Traefik's default priority is the rule's length.
    priority: r.priority ?? r.rule.length,
    matchers: parseRule(r.rule),
    action: actionFor(r.service, ports),
  }));
  routes.sort((a, b) => b.priority - a.priority);
  const services = new Map<string, number>();
  for (const { action } of routes) if (action.kind === 'proxy') services.set(action.service, action.port);
  return { routes, services: [...services].map(([name, port]) => ({ name, port })) };
}

/** Read traefik/dynamic/routes.yml and the compose labels it refers to into the table the local edge serves. */
export function loadRouteTable(path: string, composePath = COMPOSE_FILE): RouteTable {
  const read = (file: string) => parse(readFileSync(file, 'utf8'), { merge: true }) as unknown;
  return buildRouteTable(read(path), read(composePath));
}

export function matchRoute(table: RouteTable, pathname: string): Route | undefined {
  return table.routes.find((r) => r.matchers.some((m) => (m.type === 'exact' ? pathname === m.path : pathname.startsWith(m.path))));
}

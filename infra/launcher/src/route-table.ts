import { readFileSync } from 'node:fs';
import { parse } from 'yaml';
import { z } from 'zod';

/** How Traefik's dynamic file is read here: only what the local edge needs, the rest is ignored. */
const RoutesFile = z.object({
  http: z.object({
    routers: z.record(z.string(), z.object({ rule: z.string(), service: z.string(), priority: z.number().int().optional() })),
    services: z.record(z.string(), z.object({ loadBalancer: z.object({ servers: z.array(z.object({ url: z.url() })).min(1) }) })),
  }),
});

export interface PathMatcher {
  type: 'prefix' | 'exact';
  path: string;
}

export type RouteAction =
  | { kind: 'proxy'; service: string; port: number }
  /** Traefik's ping@internal: the local edge answers the whole fleet's health here. */
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

function portOf(url: string): number {
  const port = Number(new URL(url).port);
  if (!port) throw new Error(`service URL needs an explicit port: ${url}`);
  return port;
}

function actionFor(service: string, services: z.infer<typeof RoutesFile>['http']['services']): RouteAction {
  if (service === 'ping@internal') return { kind: 'fleet-health' };
  if (service === 'noop@internal') return { kind: 'not-found' };
  const name = service.replace(/@file$/, '');
  const lb = services[name]?.loadBalancer;
  if (!lb) throw new Error(`router points at unknown service ${service}`);
  return { kind: 'proxy', service: name, port: portOf(lb.servers[0]!.url) };
}

export function buildRouteTable(doc: unknown): RouteTable {
  const { http } = RoutesFile.parse(doc);
  const routes = Object.entries(http.routers).map(([router, r]) => ({
    router,
    // Traefik's default priority is the rule's length.
    priority: r.priority ?? r.rule.length,
    matchers: parseRule(r.rule),
    action: actionFor(r.service, http.services),
  }));
  routes.sort((a, b) => b.priority - a.priority);
  const services = new Map<string, number>();
  for (const { action } of routes) if (action.kind === 'proxy') services.set(action.service, action.port);
  return { routes, services: [...services].map(([name, port]) => ({ name, port })) };
}

/** Read traefik/dynamic/routes.yml (or another file of the same shape) into the table the local edge serves. */
export function loadRouteTable(path: string): RouteTable {
  return buildRouteTable(parse(readFileSync(path, 'utf8')));
}

export function matchRoute(table: RouteTable, pathname: string): Route | undefined {
  return table.routes.find((r) => r.matchers.some((m) => (m.type === 'exact' ? pathname === m.path : pathname.startsWith(m.path))));
}

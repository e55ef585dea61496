import { buildRouteTable, loadRouteTable, matchRoute, parseRule } from '../src/route-table';
import { ROUTES_FILE } from '../src/paths';
import { compose, FLEET, PREFIXES, repoYaml, SERVICE_DOCKERFILE } from './repo-files';

interface RoutesYaml {
  http: {
    routers: Record<string, { rule: string; service: string; priority?: number; middlewares?: string[]; entryPoints?: string[] }>;
    middlewares: Record<string, { errors?: { status: string[]; statusRewrites?: Record<string, number>; service: string } }>;
  };
}

const table = loadRouteTable(ROUTES_FILE);
const routes = repoYaml<RoutesYaml>('traefik', 'dynamic', 'routes.yml');

describe('the route table shared by Traefik and the local edge', () => {
  it('when the edge loads routes.yml, then it has one route per Traefik router, same names and priorities', () => {
    const fromYaml = Object.fromEntries(Object.entries(routes.http.routers).map(([name, r]) => [name, r.priority]));
    const fromEdge = Object.fromEntries(table.routes.map((r) => [r.router, r.priority]));
    expect(fromEdge).toEqual(fromYaml);
  });

  it('when the proxied prefixes are listed, then they are exactly the fleet prefixes, each to its service', () => {
    const served: Record<string, string> = {};
    for (const r of table.routes) {
      if (r.action.kind !== 'proxy') continue;
      for (const m of r.matchers) served[m.path] = r.action.service;
    }
    expect(served).toEqual(PREFIXES);
    expect(Object.fromEntries(table.services.map((s) => [s.name, s.port]))).toEqual(FLEET);
  });

  it('when a path under /internal/ is matched, then only the refusing router takes it, ahead of everything', () => {
    for (const path of ['/internal/tenants/t1', '/internal/']) {
      expect(matchRoute(table, path)).toMatchObject({ router: 'internal-refused', action: { kind: 'not-found' } });
    }
    expect(table.routes[0]?.router).toBe('internal-refused');
  });

  it('when /metrics is matched, then the refusing router takes it ahead of every service', () => {
    for (const path of ['/metrics', '/metrics/x']) expect(matchRoute(table, path)).toMatchObject({ router: 'metrics-refused', action: { kind: 'not-found' } });
    const top = table.routes[0]!.priority;
    expect(table.routes.find((r) => r.router === 'metrics-refused')?.priority).toBe(top);
  });

  it('when Traefik answers noop@internal, then the 418 is rewritten to a problem+json 404', () => {
    const noop = Object.values(routes.http.routers).filter((r) => r.service === 'noop@internal');
    expect(noop).toHaveLength(3);
    for (const r of noop) {
      for (const name of r.middlewares ?? []) {
        const errors = routes.http.middlewares[name]?.errors;
        expect(errors).toMatchObject({ status: ['418'], statusRewrites: { '418': 404 }, service: 'db-api@docker' });
      }
      expect(r.middlewares).toHaveLength(1);
    }
  });

  it('when an unknown path or /health is matched, then the catch-all refuses it and /health is the fleet report', () => {
    expect(matchRoute(table, '/nope')).toMatchObject({ router: 'edge-not-found', action: { kind: 'not-found' } });
    expect(matchRoute(table, '/health')).toMatchObject({ router: 'edge-health', action: { kind: 'fleet-health' } });
    expect(matchRoute(table, '/health/deep')?.router).toBe('edge-not-found');
  });

  it('when a router points at a Docker service no compose label gives a port, then loading refuses it', () => {
    const doc = { http: { routers: { ghost: { rule: 'PathPrefix(`/ghost/`)', service: 'ghost@docker' } } } };
    expect(() => buildRouteTable(doc, compose())).toThrow(/ghost@docker/);
    const labelled = { services: { ghost: { labels: { 'traefik.http.services.ghost.loadBalancer.server.port': '4000' } } } };
    expect(buildRouteTable(doc, labelled).services).toEqual([{ name: 'ghost', port: 4000 }]);
  });

  it('when a rule uses a matcher the local edge cannot honour, then loading refuses it', () => {
    expect(() => parseRule('Host(`a.example`) && PathPrefix(`/x`)')).toThrow(/not supported by the local edge/);
    expect(parseRule('PathPrefix(`/a`) || Path(`/b`)')).toEqual([
      { type: 'prefix', path: '/a' },
      { type: 'exact', path: '/b' },
    ]);
  });

  it('when the compose file is read, then every routed service exists there, built from the shared Dockerfile, on the same port', () => {
    const { services } = compose();
    for (const { name, port } of table.services) {
      const svc = services[name];
      expect(svc?.build).toEqual({ context: '.', dockerfile: SERVICE_DOCKERFILE, args: { SERVICE: name, PORT: String(port) } });
      expect(svc?.environment?.PORT).toBe(String(port));
      expect(svc?.expose).toEqual([String(port)]);
      expect(svc?.healthcheck?.test.join(' ')).toContain(`http://127.0.0.1:${port}/health`);
    }
  });

  it('when Traefik starts, then its file provider reads the directory that holds routes.yml', () => {
    const traefik = compose().services.traefik;
    expect(traefik?.volumes).toContain('./traefik:/etc/traefik:ro');
    const fileProvider = repoYaml<{ providers: { file: { directory: string } } }>('traefik', 'traefik.yml').providers.file;
    expect(fileProvider.directory).toBe('/etc/traefik/dynamic');
  });
});

import { parseRule } from '../src/route-table';
import { compose, FLEET, repoYaml } from './repo-files';
import { composeContainers, defaultEntryPoints, dockerProvider, type DockerProviderConfig } from './traefik-docker-provider';

interface TraefikStatic {
  entryPoints: Record<string, { address: string; asDefault?: boolean }>;
  providers: { docker: { exposedByDefault: boolean; network: string } };
  metrics?: { prometheus?: { entryPoint: string } };
  api?: { insecure?: boolean; dashboard?: boolean };
}

interface FileRouter {
  rule: string;
  service: string;
  entryPoints: string[];
  middlewares?: string[];
  priority?: number;
}

interface RoutesFile {
  http: { routers: Record<string, FileRouter>; middlewares: Record<string, { errors?: { service: string }; replacePath?: { path: string } }> };
}

const stat = repoYaml<TraefikStatic>('traefik', 'traefik.yml');
const routes = repoYaml<RoutesFile>('traefik', 'dynamic', 'routes.yml');
const INTERNAL_SERVICES = ['noop@internal', 'ping@internal', 'api@internal'];

function discover(scale: Record<string, number> = {}): DockerProviderConfig {
  return dockerProvider(composeContainers(compose(), scale), { exposedByDefault: stat.providers.docker.exposedByDefault });
}

/** The file router Traefik picks on websecure for a path: the highest priority among those whose rule matches. */
function routeFor(path: string): [string, FileRouter] | undefined {
  const matching = Object.entries(routes.http.routers).filter(([, r]) =>
    parseRule(r.rule).some((m) => (m.type === 'exact' ? path === m.path : path.startsWith(m.path))),
  );
  return matching.sort(([, a], [, b]) => (b.priority ?? b.rule.length) - (a.priority ?? a.rule.length))[0];
}

/** Where a router's service lives: `<name>@docker` in the discovered services, `@internal` built in. */
function resolves(service: string, docker: DockerProviderConfig): boolean {
  if (INTERNAL_SERVICES.includes(service)) return true;
  const m = /^(.+)@docker$/.exec(service);
  return Boolean(m && docker.services[m[1]!]?.servers.length);
}

describe('Traefik discovering the replicas of docker-compose.production.yml', () => {
  it('when voice-api runs three replicas, then each is a server of voice-api@docker, health-checked on /health', () => {
    const docker = discover({ 'voice-api': 3 });
    const voice = docker.services['voice-api']!;
    expect(voice.servers).toHaveLength(3);
    expect(new Set(voice.servers).size).toBe(3);
    for (const url of voice.servers) expect(url).toMatch(/^http:\/\/172\.20\.0\.\d+:3004$/);
    expect(voice.healthCheck).toEqual({ path: '/health', interval: '10s', timeout: '3s' });
    expect(routeFor('/respond')?.[1].service).toBe('voice-api@docker');
  });

  it('when the fleet runs one of each, then every service is discovered on its own port with a health check', () => {
    const docker = discover();
    for (const [name, port] of Object.entries(FLEET)) {
      expect(docker.services[name]).toEqual({ servers: [expect.stringMatching(new RegExp(`:${port}$`))], healthCheck: { path: '/health', interval: '10s', timeout: '3s' }, strategy: 'p2c' });
    }
    expect(docker.services['edge-health']?.healthCheck.path).toBe('/health');
  });

  it.each(Object.keys(FLEET))('when %s runs several replicas, then Traefik sends each request to the less busy of two (p2c), a strategy v3.6 builds', (name) => {
    const docker = discover({ [name]: 3 });
    // The model drops a service whose strategy v3.6 would not build: a p2c service here is one Traefik serves.
    expect(docker.services[name]).toMatchObject({ servers: [expect.any(String), expect.any(String), expect.any(String)], strategy: 'p2c' });
  });

  it('when a service names a strategy Traefik does not know, then Traefik builds no service for it and its routes go nowhere', () => {
    const containers = composeContainers(compose(), { 'voice-api': 2 });
    for (const c of containers.filter((c) => c.name.startsWith('vocalia-voice-api-'))) c.labels['traefik.http.services.voice-api.loadbalancer.strategy'] = 'least-busy';
    const docker = dockerProvider(containers, { exposedByDefault: false });
    expect(docker.services['voice-api']).toBeUndefined();
    expect(resolves(routeFor('/respond')![1].service, docker)).toBe(false);
  });

  it('when a replica fails its Docker healthcheck, then Traefik keeps only the healthy ones', () => {
    const containers = composeContainers(compose(), { 'voice-api': 3 });
    containers.find((c) => c.name === 'vocalia-voice-api-2')!.health = 'unhealthy';
    const docker = dockerProvider(containers, { exposedByDefault: false });
    expect(docker.services['voice-api']?.servers).toHaveLength(2);
  });

  it('when containers carry no traefik.enable label, then nothing of theirs is exposed', () => {
    const docker = discover();
    expect(stat.providers.docker.exposedByDefault).toBe(false);
    for (const name of ['postgres', 'redis', 'traefik']) {
      expect(Object.values(docker.routers).some((r) => r.rule.includes(name))).toBe(false);
      expect(compose().services[name]?.labels).toBeUndefined();
    }
    expect(stat.providers.docker.network).toBe('vocalia_edge');
    expect(compose().networks.edge?.name).toBe('vocalia_edge');
  });

  it("when every router is resolved, then its service exists: the discovered ones, or Traefik's built-ins", () => {
    const docker = discover({ 'voice-api': 3, 'db-api': 2 });
    for (const [name, r] of Object.entries(routes.http.routers)) expect({ name, resolves: resolves(r.service, docker) }).toEqual({ name, resolves: true });
    for (const [name, m] of Object.entries(routes.http.middlewares)) {
      if (m.errors) expect({ name, resolves: resolves(m.errors.service, docker) }).toEqual({ name, resolves: true });
    }
    for (const r of Object.values(routes.http.routers)) for (const m of r.middlewares ?? []) expect(routes.http.middlewares[m]).toBeDefined();
  });

  it('when the Docker provider makes a router of its own per container, then it lands on a loopback entry point only', () => {
    const docker = discover({ 'voice-api': 3 });
    const defaults = defaultEntryPoints(stat.entryPoints);
    expect(defaults).toEqual(['docker-defaults']);
    expect(stat.entryPoints['docker-defaults']?.address).toMatch(/^127\.0\.0\.1:/);
    expect(Object.values(docker.routers).length).toBeGreaterThan(0);
    for (const r of Object.values(docker.routers)) expect(r.entryPoints).toEqual([]);
    for (const [name, r] of Object.entries(routes.http.routers)) expect({ name, entryPoints: r.entryPoints }).toEqual({ name, entryPoints: ['websecure'] });
  });

  it.each(['/internal/tenants/t1', '/internal/', '/metrics', '/metrics/x'])('when %s reaches websecure, then a noop router refuses it ahead of every service', (path) => {
    const [name, router] = routeFor(path)!;
    expect({ name, service: router.service }).toEqual({ name, service: 'noop@internal' });
    expect(router.middlewares).toEqual(['not-found-problem']);
  });

  it('when GET /health reaches websecure, then edge-health@docker answers its fleet report', () => {
    const [name, router] = routeFor('/health')!;
    expect(name).toBe('edge-health');
    expect(router.service).toBe('edge-health@docker');
    const rewrite = router.middlewares?.map((m) => routes.http.middlewares[m]?.replacePath?.path).find(Boolean);
    expect(rewrite).toBe('/fleet');
    expect(compose().services['edge-health']?.environment?.TRAEFIK_API_URL).toBe('http://traefik:8082');
  });

  it("when Traefik runs, then its metrics and API are on the private entry point only, never published", () => {
    expect(stat.metrics?.prometheus?.entryPoint).toBe('traefik');
    expect(stat.api).toEqual({ insecure: true, dashboard: false });
    expect(stat.entryPoints.traefik?.address).toBe(':8082');
    expect(compose().services.traefik?.ports).toEqual(['80:80', '443:443']);
  });
});

import type { ComposeFile } from './repo-files';

/** A container as `docker compose up --scale` starts it, seen through the Docker API. */
export interface Container {
  name: string;
  labels: Record<string, string>;
  ip: string;
  /** Docker's own healthcheck state; Traefik skips containers that are not (yet) healthy. */
  health: 'healthy' | 'unhealthy' | 'starting';
}

export interface DockerService {
  servers: string[];
  healthCheck: { path?: string; interval?: string; timeout?: string };
  /** How Traefik picks a server for each request: `wrr` unless the labels say otherwise. */
  strategy: string;
}

/** The strategies Traefik v3.6's servers load balancer builds (pkg/config/dynamic/http_config.go); any other fails the service. */
const TRAEFIK_STRATEGIES = ['wrr', 'p2c', 'hrw', 'leasttime'];

export interface DockerRouter {
  rule: string;
  service: string;
  entryPoints: string[];
}

export interface DockerProviderConfig {
  services: Record<string, DockerService>;
  routers: Record<string, DockerRouter>;
}

/** The containers compose starts for `--scale name=n` (deploy.replicas otherwise); profiles off, as by default. */
export function composeContainers(compose: ComposeFile, scale: Record<string, number> = {}, project = 'vocalia'): Container[] {
  const containers: Container[] = [];
  let host = 2;
  for (const [service, svc] of Object.entries(compose.services)) {
    if (svc.profiles?.length) continue;
    const replicas = scale[service] ?? svc.deploy?.replicas ?? 1;
    for (let i = 1; i <= replicas; i++) {
      const labels = { ...svc.labels, 'com.docker.compose.project': project, 'com.docker.compose.service': service };
      containers.push({ name: `${project}-${service}-${i}`, labels: Object.fromEntries(Object.entries(labels).map(([k, v]) => [k, String(v)])), ip: `172.20.0.${host++}`, health: 'healthy' });
    }
  }
  return containers;
}

/** The tasks `docker stack deploy` runs, `replicas` of each (deploy.replicas otherwise); Traefik's Swarm provider reads the service's deploy.labels. */
export function swarmTasks(services: Record<string, { deploy?: { replicas?: number | string; labels?: Record<string, string> } }>, replicas: Record<string, number> = {}, stack = 'vocalia'): Container[] {
  const tasks: Container[] = [];
  let host = 2;
  for (const [service, svc] of Object.entries(services)) {
    // `${VAR:-2}` is 2 with VAR unset, as docker stack deploy interpolates it.
    const count = replicas[service] ?? Number(String(svc.deploy?.replicas ?? 1).replace(/^\$\{\w+:-(\d+)\}$/, '$1'));
    for (let i = 1; i <= count; i++) {
      const labels = { ...svc.deploy?.labels, 'com.docker.swarm.service.name': `${stack}_${service}`, 'com.docker.stack.namespace': stack };
      tasks.push({ name: `${stack}_${service}.${i}`, labels: Object.fromEntries(Object.entries(labels).map(([k, v]) => [k, String(v)])), ip: `10.0.1.${host++}`, health: 'healthy' });
    }
  }
  return tasks;
}

/** Traefik's Normalize: every run of non-alphanumerics becomes one dash. */
const normalize = (name: string) => name.split(/[^\p{L}\p{N}]+/u).filter(Boolean).join('-');

/**
 * Traefik v3's Docker provider for HTTP (pkg/provider/docker/config.go, provider/configuration.go):
 * opt-in by `traefik.enable`; one server per kept container at its labelled port; a router of its
 * own, named after the compose service, when the labels define none; same-named services from
 * several containers merge their servers when the rest of their settings agree, else both are dropped;
 * a service whose strategy Traefik does not know is dropped too (its handler fails to build).
 */
export function dockerProvider(containers: Container[], opts: { exposedByDefault: boolean }): DockerProviderConfig {
  const services: Record<string, DockerService & { settings: string }> = {};
  const conflicts = new Set<string>();
  const routers: Record<string, DockerRouter> = {};
  for (const c of containers) {
    const labels = Object.fromEntries(Object.entries(c.labels).map(([k, v]) => [k.toLowerCase(), v]));
    const enabled = labels['traefik.enable'] === undefined ? opts.exposedByDefault : labels['traefik.enable'] === 'true';
    if (!enabled || c.health !== 'healthy') continue;
    // Named after the compose service and project, or after the Swarm service (stack_service).
    const swarmName = labels['com.docker.swarm.service.name'];
    const own = normalize(swarmName ?? `${labels['com.docker.compose.service']}_${labels['com.docker.compose.project']}`);
    const declared = new Map<string, Record<string, string>>();
    const declaredRouters = new Set<string>();
    for (const [key, value] of Object.entries(labels)) {
      const s = /^traefik\.http\.services\.([^.]+)\.loadbalancer\.(.+)$/.exec(key);
      if (s) declared.set(s[1]!, { ...declared.get(s[1]!), [s[2]!]: value });
      const r = /^traefik\.http\.routers\.([^.]+)\./.exec(key);
      if (r) declaredRouters.add(r[1]!);
    }
    if (declared.size === 0) declared.set(own, {});
    for (const [name, lb] of declared) {
      const port = lb['server.port'];
      if (!port) throw new Error(`${c.name}: service ${name} has no server.port label`);
      const healthCheck = { path: lb['healthcheck.path'], interval: lb['healthcheck.interval'], timeout: lb['healthcheck.timeout'] };
      const strategy = lb['strategy'] ?? 'wrr';
      const settings = JSON.stringify({ port, healthCheck, strategy });
      const existing = services[name];
      if ((existing && existing.settings !== settings) || !TRAEFIK_STRATEGIES.includes(strategy)) conflicts.add(name);
      services[name] = { servers: [...(existing?.servers ?? []), `http://${c.ip}:${port}`], healthCheck, strategy, settings };
    }
    if (declaredRouters.size === 0 && declared.size === 1) {
      routers[own] = { rule: `Host(\`${own}\`)`, service: [...declared.keys()][0]!, entryPoints: [] };
    }
  }
  for (const name of conflicts) delete services[name];
  return { services: Object.fromEntries(Object.entries(services).map(([name, { servers, healthCheck, strategy }]) => [name, { servers, healthCheck, strategy }])), routers };
}

/** The entry points a router that names none is attached to (cmd/traefik: getDefaultsEntrypoints). */
export function defaultEntryPoints(entryPoints: Record<string, { asDefault?: boolean }>): string[] {
  const flagged = Object.values(entryPoints).some((ep) => ep.asDefault);
  return Object.entries(entryPoints)
    .filter(([name, ep]) => (!flagged || ep.asDefault) && name !== 'traefik')
    .map(([name]) => name)
    .sort();
}

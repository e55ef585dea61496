import { existsSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { sentinelOptions } from '@vocalia/service-kit/src/redis-sentinel-url';
import { REPO_ROOT } from '../src/paths';
import { compose, FLEET, repoFile, repoYaml } from './repo-files';
import { dockerProvider, swarmTasks } from './traefik-docker-provider';

interface StackService {
  image: string;
  build?: unknown;
  depends_on?: unknown;
  container_name?: string;
  command?: string[];
  entrypoint?: string[];
  environment?: Record<string, string>;
  ports?: { target: number; published: number; mode: string }[];
  configs?: { source: string; target: string }[];
  volumes?: string[];
  networks?: string[];
  healthcheck?: { test: string[] };
  stop_grace_period?: string;
  deploy: {
    replicas: number | string;
    labels?: Record<string, string>;
    placement?: { constraints?: string[]; max_replicas_per_node?: number; preferences?: unknown[] };
    update_config?: { order?: string; failure_action?: string; parallelism?: number };
    restart_policy?: { condition: string };
  };
}

interface Stack {
  version: string;
  services: Record<string, StackService>;
  networks: Record<string, { name?: string; driver: string; internal?: boolean; attachable?: boolean }>;
  configs: Record<string, { file: string }>;
}

const STACK_DIR = join('infra', 'swarm');
const stack = repoYaml<Stack>(STACK_DIR, 'vocalia.stack.yml');
const served = [...Object.keys(FLEET), 'edge-health'];
/** `${VAR:-3}` -> 3, as `docker stack deploy` interpolates it with VAR unset. */
const replicasOf = (svc: StackService) => Number(String(svc.deploy.replicas).replace(/^\$\{[A-Z_]+:-(\d+)\}$/, '$1'));

describe('the Docker Swarm stack (infra/swarm/vocalia.stack.yml)', () => {
  it('when deployed with docker stack deploy, then it uses pushed images only and nothing Swarm ignores', () => {
    expect(stack.version).toBe('3.8');
    for (const [name, svc] of Object.entries(stack.services)) {
      expect({ name, build: svc.build, depends_on: svc.depends_on, container_name: svc.container_name }).toEqual({ name, build: undefined, depends_on: undefined, container_name: undefined });
      if (served.includes(name)) expect(svc.image).toBe(`\${REGISTRY:?set REGISTRY, where the images were pushed}/vocalia/${name}:\${VOCALIA_VERSION:?set VOCALIA_VERSION}`);
    }
  });

  it.each(served)('when %s runs on Swarm, then its Traefik labels, port, healthcheck and variables are those of the compose file', (name) => {
    const svc = stack.services[name]!;
    const local = compose().services[name]!;
    expect(svc.deploy.labels).toEqual(local.labels);
    expect(svc.healthcheck).toEqual(local.healthcheck);
    expect(svc.environment?.PORT).toBe(local.environment?.PORT);
    expect(Object.keys(svc.environment ?? {})).toEqual(expect.arrayContaining(Object.keys(local.environment ?? {}).filter((k) => k !== 'TRAEFIK_API_URL' || name === 'edge-health')));
  });

  it.each(Object.keys(FLEET))('when %s is updated, then a new task is healthy before an old one stops, replicas spread over workers', (name) => {
    const { deploy, stop_grace_period } = stack.services[name]!;
    expect(deploy.update_config).toMatchObject({ order: 'start-first', failure_action: 'rollback', parallelism: 1 });
    expect(deploy.restart_policy?.condition).toBe('any');
    expect(deploy.placement).toMatchObject({ constraints: ['node.role == worker'], max_replicas_per_node: 2, preferences: [{ spread: 'node.id' }] });
    expect(replicasOf(stack.services[name]!)).toBeGreaterThanOrEqual(2);
    expect(stop_grace_period).toBe(compose().services[name]?.stop_grace_period ?? '30s');
  });

  it('when the stack runs three voice-api tasks, then each is a health-checked server of voice-api@swarm and every router resolves', () => {
    const provider = dockerProvider(swarmTasks(stack.services, { 'voice-api': 3 }), { exposedByDefault: false });
    expect(provider.services['voice-api']?.servers).toHaveLength(3);
    expect(provider.services['voice-api']?.healthCheck).toEqual({ path: '/health', interval: '10s', timeout: '3s' });
    for (const name of Object.keys(FLEET)) expect({ name, strategy: provider.services[name]?.strategy }).toEqual({ name, strategy: 'p2c' });
    const entry = repoFile(STACK_DIR, 'traefik-entrypoint.sh');
    expect(entry).toContain("sed -e 's|@docker$|@swarm|' /etc/traefik/routes.yml > /tmp/dynamic/routes.yml");
    const routes = repoFile('traefik', 'dynamic', 'routes.yml').replace(/@docker$/gm, '@swarm');
    const services = [...routes.matchAll(/^\s+service: (\S+)$/gm)].map((m) => m[1]!);
    expect(services.filter((s) => s.endsWith('@swarm')).length).toBeGreaterThanOrEqual(served.length);
    for (const s of services) {
      const m = /^(.+)@swarm$/.exec(s);
      if (m) expect({ s, servers: provider.services[m[1]!]?.servers.length }).toEqual({ s, servers: expect.any(Number) });
      else expect(s).toMatch(/@internal$/);
    }
    expect(stack.services['edge-health']?.environment?.FLEET_PROVIDER).toBe('swarm');
  });

  it("when Traefik runs on Swarm, then its static file is the compose one with the Swarm provider, on a manager, seeing client addresses", () => {
    const swarmStatic = repoYaml<Record<string, unknown> & { providers: Record<string, Record<string, unknown>> }>(STACK_DIR, 'traefik.yml');
    const composeStatic = repoYaml<Record<string, unknown>>('traefik', 'traefik.yml');
    const { providers, ...rest } = swarmStatic;
    const { providers: _ignored, ...composeRest } = composeStatic;
    expect(rest).toEqual(composeRest);
    expect(providers).toEqual({
      swarm: { endpoint: 'unix:///var/run/docker.sock', exposedByDefault: false, network: 'vocalia_edge' },
      file: { directory: '/tmp/dynamic' },
    });
    expect(stack.networks.edge).toEqual({ name: 'vocalia_edge', driver: 'overlay', attachable: true });
    const traefik = stack.services.traefik!;
    expect(traefik.deploy.placement?.constraints).toEqual(['node.role == manager']);
    expect(traefik.ports).toEqual([
      { target: 80, published: 80, protocol: 'tcp', mode: 'host' },
      { target: 443, published: 443, protocol: 'tcp', mode: 'host' },
    ]);
    expect(traefik.configs?.map((c) => c.target)).toEqual(['/etc/traefik/traefik.yml', '/etc/traefik/routes.yml', '/etc/traefik/entrypoint.sh']);
    for (const { file } of Object.values(stack.configs)) expect(existsSync(join(REPO_ROOT, STACK_DIR, file))).toBe(true);
    expect(statSync(join(REPO_ROOT, STACK_DIR, 'traefik-entrypoint.sh')).mode & 0o111).not.toBe(0);
  });

  it('when db-api replicas open their pools, then together they stay within PostgreSQL max_connections', () => {
    const db = stack.services['db-api']!;
    const pool = Number(String(db.environment?.DB_POOL_SIZE).replace(/^\$\{DB_POOL_SIZE:-(\d+)\}$/, '$1'));
    const maxConnections = Number(/max_connections=(\d+)/.exec(stack.services.postgres!.command!.join(' '))?.[1]);
    // Each replica: its pool, plus one connection for a migration run at start; 10 kept for admin and superuser slots.
    expect(replicasOf(db) * (pool + 1) + 10).toBeLessThanOrEqual(maxConnections);
  });

  it('when the data stores run, then each stays on its labelled node, on an internal overlay, Redis never evicting', () => {
    expect(stack.services.postgres?.deploy.placement?.constraints).toEqual(['node.labels.vocalia.postgres == true']);
    expect(stack.services['redis-1']?.deploy.placement?.constraints).toEqual(['node.labels.vocalia.redis == 1']);
    expect(stack.services['redis-2']?.deploy.placement?.constraints).toEqual(['node.labels.vocalia.redis == 2']);
    for (const name of ['redis-1', 'redis-2']) expect(stack.services[name]?.command?.slice(0, 5)).toEqual(compose().services.redis?.command);
    expect(stack.services['redis-2']?.command?.join(' ')).toContain('--replicaof redis-1 6379');
    expect(stack.networks.backend).toEqual({ driver: 'overlay', internal: true });
    for (const name of ['postgres', 'redis-1', 'redis-2', 'redis-sentinel']) expect(stack.services[name]?.networks).toEqual(['backend']);
  });

  it('when the Redis master is lost, then three sentinels on three nodes elect its replica and the services follow through REDIS_URL', () => {
    const sentinel = stack.services['redis-sentinel']!;
    expect(replicasOf(sentinel)).toBe(3);
    expect(sentinel.deploy.placement?.max_replicas_per_node).toBe(1);
    const script = repoFile(STACK_DIR, 'redis-sentinel-entrypoint.sh');
    expect(script).toContain('sentinel monitor vocalia redis-1 6379 2');
    expect(script).toContain('sentinel resolve-hostnames yes');
    const url = stack.services['voice-api']!.environment!.REDIS_URL!;
    expect(sentinelOptions(url)).toMatchObject({ sentinels: [{ host: 'redis-sentinel', port: 26379 }], name: 'vocalia' });
    for (const name of served.filter((n) => n !== 'edge-health')) expect(stack.services[name]?.environment?.REDIS_URL).toBe(url);
  });
});

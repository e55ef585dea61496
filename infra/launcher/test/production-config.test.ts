import { existsSync, readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { KEEP_ALIVE_TIMEOUT_MS } from '@vocalia/service-kit';
import { REPO_ROOT } from '../src/paths';
import { compose, durationMs, FLEET, repoFile, repoYaml, SERVICE_DOCKERFILE } from './repo-files';

interface TraefikStatic {
  entryPoints: Record<string, { address: string; http?: { redirections?: { entryPoint: { to: string; scheme: string } }; tls?: { certResolver: string } } }>;
  certificatesResolvers: Record<string, { acme: { email: string; storage: string; httpChallenge?: { entryPoint: string }; tlsChallenge?: object } }>;
  providers: { docker: { exposedByDefault: boolean }; file: { directory: string } };
  serversTransport?: { forwardingTimeouts?: { idleConnTimeout?: string | number } };
}

interface TraefikDynamic {
  http: {
    routers: Record<string, { service: string; entryPoints: string[]; middlewares?: string[] }>;
    middlewares: Record<string, { headers?: Record<string, unknown>; compress?: { excludedContentTypes?: string[] } }>;
  };
}

const serviceNames = Object.keys(FLEET);

describe('docker-compose.production.yml', () => {
  const { services, volumes, networks } = compose();

  it('when Redis runs, then it keeps an append-only file, never evicts, is health-checked and keeps a volume', () => {
    const redis = services.redis!;
    expect(redis.command).toEqual(['redis-server', '--appendonly', 'yes', '--maxmemory-policy', 'noeviction']);
    expect(redis.healthcheck?.test).toEqual(['CMD', 'redis-cli', 'ping']);
    expect(redis.volumes).toEqual(['redisdata:/data']);
  });

  it('when PostgreSQL runs, then pg_isready checks it and its data is on a volume', () => {
    const pg = services.postgres!;
    expect(pg.healthcheck?.test.join(' ')).toContain('pg_isready');
    expect(pg.volumes).toEqual(['pgdata:/var/lib/postgresql/data']);
    expect(Object.keys(volumes)).toEqual(expect.arrayContaining(['pgdata', 'redisdata', 'letsencrypt']));
  });

  it('when a service is scaled, then nothing pins it: no container_name, no host port; only Traefik publishes 80 and 443', () => {
    for (const [name, svc] of Object.entries(services)) {
      expect(svc.container_name).toBeUndefined();
      if (name !== 'traefik') expect({ name, ports: svc.ports }).toEqual({ name, ports: undefined });
    }
    expect(services.traefik?.ports).toEqual(['80:80', '443:443']);
  });

  it('when the fleet starts, then every service has a healthcheck and waits for healthy PostgreSQL and Redis', () => {
    for (const name of [...serviceNames, 'traefik', 'postgres', 'redis']) expect(services[name]?.healthcheck?.test.length).toBeGreaterThan(0);
    for (const name of serviceNames) {
      expect(services[name]?.depends_on).toEqual({ postgres: { condition: 'service_healthy' }, redis: { condition: 'service_healthy' } });
      expect(services[name]?.env_file).toEqual(['.env']);
      expect(services[name]?.environment).toMatchObject({
        REDIS_URL: 'redis://redis:6379',
        DB_API_INTERNAL_URL: 'http://db-api:3013',
        NODE_ENV: 'production',
      });
      expect(services[name]?.environment?.DATABASE_URL).toMatch(/^postgresql:\/\/.+@postgres:5432\//);
    }
  });

  it('when db-api starts, then it is given the SMTP server and sender for account mail', () => {
    expect(services['db-api']?.environment).toMatchObject({ SMTP_URL: expect.stringContaining('SMTP_URL'), MAIL_FROM: expect.stringContaining('MAIL_FROM') });
  });

  it('when PgBouncer before 1.21 sits in front of PostgreSQL, then one variable turns prepared statements off for both services that hold a pool', () => {
    for (const name of ['db-api', 'webhook-router']) expect(services[name]?.environment?.DB_PREPARED_STATEMENTS).toBe('${DB_PREPARED_STATEMENTS:-true}');
  });

  it('when the data stores are placed, then they sit on an internal network the edge cannot reach', () => {
    expect(networks.backend?.internal).toBe(true);
    expect(services.postgres?.networks).toEqual(['backend']);
    expect(services.redis?.networks).toEqual(['backend']);
    expect(services.traefik?.networks).toEqual(['edge']);
  });

  it('when Traefik runs, then it keeps certificates on a volume and reads the Docker socket read-only', () => {
    expect(services.traefik?.volumes).toEqual(expect.arrayContaining(['letsencrypt:/letsencrypt', '/var/run/docker.sock:/var/run/docker.sock:ro']));
    expect(services.traefik?.entrypoint).toEqual(['/bin/sh', '/etc/traefik/entrypoint.sh']);
  });
});

describe('the shared service Dockerfile', () => {
  const text = repoFile(SERVICE_DOCKERFILE);
  const lines = text.split('\n');
  const stages = text.split(/^FROM /m).slice(1);
  const final = stages[stages.length - 1]!;
  /** Whether a stage (the text after one FROM) declares `ARG <arg>` itself. */
  const declares = (stage: string, arg: string) => new RegExp(`^ARG ${arg}(=|$)`, 'm').test(stage);

  it('when any service is built, then the image is pruned, multi-stage, health-checked and runs as node', () => {
    expect(lines[0]).toBe('# syntax=docker/dockerfile:1');
    expect(stages.length).toBeGreaterThanOrEqual(3);
    expect(text).toContain('turbo prune @vocalia/${SERVICE} @vocalia/bundle --docker');
    expect(text).toContain('pnpm fetch');
    expect(text).toContain('pnpm install --offline --frozen-lockfile');
    expect(text).toContain('--filter=@vocalia/${SERVICE}...');
    expect(final).toMatch(/^USER node$/m);
    expect(final).toMatch(/^HEALTHCHECK .*\\\n\s+CMD \[.*process\.env\.PORT.*\/health/m);
    expect(final).toMatch(/^EXPOSE \$\{PORT\}$/m);
    expect(final).toMatch(/^ENV .*\bPORT=\$\{PORT\}/m);
  });

  it('when a stage uses SERVICE or PORT, then it declares the ARG itself (a global ARG is not visible inside a stage)', () => {
    const global = text.slice(0, text.search(/^FROM /m));
    expect(global).toMatch(/^ARG SERVICE$/m);
    expect(global).toMatch(/^ARG PORT$/m);
    for (const stage of stages) {
      const body = stage.split('\n').filter((l) => !l.trimStart().startsWith('#')).join('\n');
      const name = stage.split('\n')[0];
      for (const arg of ['SERVICE', 'PORT']) {
        if (body.includes(`\${${arg}}`) || body.includes(`$${arg}`)) expect({ name, arg, declared: declares(stage, arg) }).toEqual({ name, arg, declared: true });
      }
    }
  });

  it('when the container starts, then node runs the compiled bundle as PID 1, with nothing else from the build', () => {
    const cmds = final.split('\n').filter((l) => l.startsWith('CMD '));
    expect(cmds).toHaveLength(1);
    expect(JSON.parse(cmds[0]!.slice(4))).toEqual(['node', '--enable-source-maps', 'main.js']);
    expect(text).toContain('pnpm --filter @vocalia/bundle bundle ${SERVICE} --out /bundle');
    expect(final.split('\n').filter((l) => l.startsWith('COPY '))).toEqual(['COPY --from=build /bundle ./']);
    expect(final).not.toMatch(/tsx|pnpm|npm install/);
    expect(final.split('\n')[0]).toBe('${NODE_IMAGE} AS runtime');
    expect(text).toMatch(/^ARG NODE_IMAGE=node:20-slim$/m);
  });

  it.each(serviceNames)('when compose builds %s, then it uses the shared Dockerfile with its own SERVICE and PORT', (name) => {
    const svc = compose().services[name]!;
    expect(svc.build).toEqual({ context: '.', dockerfile: SERVICE_DOCKERFILE, args: { SERVICE: name, PORT: String(FLEET[name]) } });
    expect(svc.image).toBe(`vocalia/${name}:\${VOCALIA_VERSION:-latest}`);
    expect(svc.environment?.PORT).toBe(String(FLEET[name]));
    expect(existsSync(join(REPO_ROOT, 'services', name, 'src', 'main.ts'))).toBe(true);
    expect((JSON.parse(repoFile('services', name, 'package.json')) as { name: string }).name).toBe(`@vocalia/${name}`);
  });

  it('when compose builds edge-health, then it uses the shared Dockerfile, with its entry under infra/', () => {
    const svc = compose().services['edge-health']!;
    expect(svc.build).toEqual({ context: '.', dockerfile: SERVICE_DOCKERFILE, args: { SERVICE: 'edge-health', PORT: '3015' } });
    expect(existsSync(join(REPO_ROOT, 'infra', 'edge-health', 'src', 'main.ts'))).toBe(true);
    expect(text).toContain('test -f "infra/${SERVICE}/src/main.ts"');
  });

  it('when the build context is sent, then the root .dockerignore applies: no Dockerfile-specific ignore file overrides it', () => {
    expect(existsSync(join(REPO_ROOT, `${SERVICE_DOCKERFILE}.dockerignore`))).toBe(false);
    expect(repoFile('.dockerignore').split('\n')).toEqual(expect.arrayContaining(['**/node_modules', '.git', '**/dist', '**/.turbo']));
  });

  it('when the services are listed, then none keeps a Dockerfile of its own', () => {
    const copies = readdirSync(join(REPO_ROOT, 'services')).filter((d) => existsSync(join(REPO_ROOT, 'services', d, 'Dockerfile')));
    expect(copies).toEqual([]);
  });

  it('when db-api starts in a container, then it applies migrations before serving, by default', () => {
    expect(repoFile('services', 'db-api', 'src', 'env.ts')).toMatch(/^\s*MIGRATE_ON_START: bool\.default\(true\),$/m);
    const main = repoFile('services', 'db-api', 'src', 'main.ts');
    expect(main).toMatch(/if \(env\.MIGRATE_ON_START\)/);
    expect(main.indexOf('migrateDatabase(')).toBeGreaterThan(-1);
    expect(main.indexOf('migrateDatabase(')).toBeLessThan(main.indexOf('runService('));
    expect(compose().services['db-api']?.environment?.MIGRATE_ON_START).toBeUndefined();
  });
});

describe('Traefik', () => {
  const stat = repoYaml<TraefikStatic>('traefik', 'traefik.yml');
  const dyn = repoYaml<TraefikDynamic>('traefik', 'dynamic', 'routes.yml');

  it('when a request arrives on :80, then it is redirected to HTTPS on :443', () => {
    expect(stat.entryPoints.web).toMatchObject({ address: ':80', http: { redirections: { entryPoint: { to: 'websecure', scheme: 'https' } } } });
    expect(stat.entryPoints.websecure).toMatchObject({ address: ':443', http: { tls: { certResolver: 'letsencrypt' } } });
  });

  it("when certificates are needed, then Let's Encrypt issues them by HTTP challenge, to the email from the environment", () => {
    const acme = stat.certificatesResolvers.letsencrypt?.acme;
    expect(acme).toMatchObject({ email: '__ACME_EMAIL__', storage: '/letsencrypt/acme.json', httpChallenge: { entryPoint: 'web' } });
    const entry = repoFile('traefik', 'entrypoint.sh');
    expect(entry).toContain('s|__ACME_EMAIL__|${ACME_EMAIL}|g');
    expect(entry).toContain('exec traefik --configFile=/tmp/traefik.yml');
    expect(statSync(join(REPO_ROOT, 'traefik', 'entrypoint.sh')).mode & 0o111).not.toBe(0);
  });

  it('when containers appear, then only those opted in are exposed, and routes come from the file provider', () => {
    expect(stat.providers.docker.exposedByDefault).toBe(false);
    expect(stat.providers.file.directory).toBe('/etc/traefik/dynamic');
  });

  it('when a service answers, then HSTS, nosniff and frame-deny are added, except frame-deny on the widget', () => {
    const strict = dyn.http.middlewares['security-headers']?.headers;
    expect(strict).toMatchObject({ stsSeconds: 31536000, contentTypeNosniff: true, frameDeny: true, referrerPolicy: expect.any(String) });
    expect(dyn.http.middlewares['security-headers-embeddable']?.headers?.frameDeny).toBeUndefined();
    expect(dyn.http.routers['voice-api-widget']?.middlewares).toContain('security-headers-embeddable');
    for (const [name, r] of Object.entries(dyn.http.routers)) {
      expect({ name, entryPoints: r.entryPoints }).toEqual({ name, entryPoints: ['websecure'] });
      if (!r.service.endsWith('@internal') && name !== 'voice-api-widget') expect(r.middlewares).toContain('security-headers');
    }
  });

  it('when responses are compressed, then server-sent events are left alone', () => {
    expect(dyn.http.middlewares.compress?.compress?.excludedContentTypes).toEqual(['text/event-stream']);
  });

  it('when a pooled connection to a service idles, then Traefik closes it before the service would, so no request is sent on a closing one', () => {
    const idle = stat.serversTransport?.forwardingTimeouts?.idleConnTimeout;
    expect(idle).toBeDefined();
    expect(durationMs(idle!)).toBeGreaterThan(0);
    expect(durationMs(idle!)).toBeLessThan(KEEP_ALIVE_TIMEOUT_MS);
    expect([durationMs('1m30s'), durationMs('500ms'), durationMs(90)]).toEqual([90_000, 500, 90_000]);
  });

  it('when Traefik balances a service, then the service comes from the Docker provider, never a fixed address', () => {
    expect((dyn.http as { services?: unknown }).services).toBeUndefined();
    for (const r of Object.values(dyn.http.routers)) expect(r.service).toMatch(/@(docker|internal)$/);
  });
});

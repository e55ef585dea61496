import { compose, durationMs, FLEET, repoYaml } from './repo-files';

/** What decides how a replica leaves a rolling update, in either production file. */
interface Stopping {
  environment?: Record<string, string>;
  stop_grace_period?: string;
  labels?: Record<string, string>;
  deploy?: { labels?: Record<string, string> };
}

/** Docker's grace period when a service names none. */
const DOCKER_DEFAULT_GRACE = '10s';
/** SHUTDOWN_DEADLINE_MS's default (packages/service-kit/src/env.ts). */
const DEFAULT_DEADLINE_MS = 10_000;

const files: [string, Record<string, Stopping>][] = [
  ['docker-compose.production.yml', compose().services as Record<string, Stopping>],
  ['infra/swarm/vocalia.stack.yml', repoYaml<{ services: Record<string, Stopping> }>('infra', 'swarm', 'vocalia.stack.yml').services],
];

describe.each(files)('%s: a replica stopped by a rolling update or a scale-down', (_file, services) => {
  it.each(Object.keys(FLEET))('when %s gets SIGTERM, then it answers on until Traefik has checked its health once more, and Docker waits for that and its in-flight work', (name) => {
    const svc = services[name]!;
    const labels = svc.labels ?? svc.deploy?.labels ?? {};
    const check = (key: string) => durationMs(labels[`traefik.http.services.${name}.loadbalancer.healthcheck.${key}`] ?? '0s');
    const drainMs = Number(svc.environment?.SHUTDOWN_DRAIN_MS ?? 0);
    const deadlineMs = Number(svc.environment?.SHUTDOWN_DEADLINE_MS ?? DEFAULT_DEADLINE_MS);
    expect(check('interval')).toBeGreaterThan(0);
    expect(drainMs).toBeGreaterThanOrEqual(check('interval') + check('timeout'));
    expect(durationMs(svc.stop_grace_period ?? DOCKER_DEFAULT_GRACE)).toBeGreaterThanOrEqual(drainMs + deadlineMs);
  });
});

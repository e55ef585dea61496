import { execFileSync } from 'node:child_process';
import { chmodSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parse } from 'yaml';
import { compose, repoFile, repoYaml } from './repo-files';

interface TraefikStatic {
  entryPoints: Record<string, { address: string }>;
  metrics?: { prometheus?: { entryPoint: string; addServicesLabels?: boolean; addRoutersLabels?: boolean } };
  tracing?: { serviceName: string; otlp: { http: { endpoint: string } } };
}

/** Where each deployment keeps Traefik's static file, its entrypoint script, and its stack file. */
const DEPLOYMENTS = {
  compose: { staticFile: ['traefik', 'traefik.yml'], entrypoint: ['traefik', 'entrypoint.sh'], stack: 'docker-compose.production.yml' },
  swarm: { staticFile: ['infra', 'swarm', 'traefik.yml'], entrypoint: ['infra', 'swarm', 'traefik-entrypoint.sh'], stack: 'infra/swarm/vocalia.stack.yml' },
} as const;

/**
 * Runs the real entrypoint script with `sh`, its container paths moved under a temporary folder and a
 * `traefik` on PATH that only exits, and returns the static configuration Traefik would have been given.
 */
function renderStatic(deployment: keyof typeof DEPLOYMENTS, env: Record<string, string>): TraefikStatic {
  const { staticFile, entrypoint } = DEPLOYMENTS[deployment];
  const dir = mkdtempSync(join(tmpdir(), 'vocalia-traefik-'));
  try {
    mkdirSync(join(dir, 'bin'));
    writeFileSync(join(dir, 'bin', 'traefik'), '#!/bin/sh\nexit 0\n');
    chmodSync(join(dir, 'bin', 'traefik'), 0o755);
    writeFileSync(join(dir, 'traefik.yml'), repoFile(...staticFile));
    writeFileSync(join(dir, 'routes.yml'), repoFile('traefik', 'dynamic', 'routes.yml'));
    const script = repoFile(...entrypoint)
      .replaceAll('/etc/traefik/traefik.yml', join(dir, 'traefik.yml'))
      .replaceAll('/etc/traefik/routes.yml', join(dir, 'routes.yml'))
      .replaceAll('/tmp/traefik.yml', join(dir, 'rendered.yml'))
      .replaceAll('/tmp/dynamic', join(dir, 'dynamic'));
    writeFileSync(join(dir, 'entrypoint.sh'), script);
    execFileSync('sh', [join(dir, 'entrypoint.sh')], { env: { PATH: `${join(dir, 'bin')}:${process.env.PATH ?? ''}`, ACME_EMAIL: 'ops@example.com', PUBLIC_HOST: 'vocalia.example.com', ...env } });
    return parse(readFileSync(join(dir, 'rendered.yml'), 'utf8')) as TraefikStatic;
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

describe.each(Object.keys(DEPLOYMENTS) as (keyof typeof DEPLOYMENTS)[])("Traefik's own metrics and traces (%s)", (deployment) => {
  const stack = repoYaml<{ services: Record<string, { environment?: Record<string, string>; ports?: unknown[] }> }>(DEPLOYMENTS[deployment].stack);

  it('when Prometheus scrapes Traefik, then its metrics are on the private traefik entry point, by router and service', () => {
    const stat = repoYaml<TraefikStatic>(...DEPLOYMENTS[deployment].staticFile);
    expect(stat.metrics?.prometheus).toMatchObject({ entryPoint: 'traefik', addRoutersLabels: true, addServicesLabels: true });
    expect(stat.entryPoints.traefik?.address).toBe(':8082');
    expect(JSON.stringify(stack.services.traefik?.ports)).not.toContain('8082');
  });

  it("when OTEL_EXPORTER_OTLP_ENDPOINT is set, then Traefik traces requests to the services' collector", () => {
    expect(stack.services.traefik?.environment?.OTEL_EXPORTER_OTLP_ENDPOINT).toBe('${OTEL_EXPORTER_OTLP_ENDPOINT:-}');
    const rendered = renderStatic(deployment, { OTEL_EXPORTER_OTLP_ENDPOINT: 'http://otel-collector:4318/' });
    expect(rendered.tracing).toEqual({ serviceName: 'traefik', otlp: { http: { endpoint: 'http://otel-collector:4318/v1/traces' } } });
    expect(rendered.entryPoints.websecure).toBeDefined();
  });

  it('when OTEL_EXPORTER_OTLP_ENDPOINT is empty, then Traefik traces nothing', () => {
    expect(renderStatic(deployment, { OTEL_EXPORTER_OTLP_ENDPOINT: '' }).tracing).toBeUndefined();
    expect(renderStatic(deployment, {}).tracing).toBeUndefined();
  });
});

it("when the services trace, then compose gives Traefik the same collector variable they read", () => {
  const services = compose().services;
  expect(services['voice-api']?.environment?.OTEL_EXPORTER_OTLP_ENDPOINT).toBe(services.traefik?.environment?.OTEL_EXPORTER_OTLP_ENDPOINT);
});

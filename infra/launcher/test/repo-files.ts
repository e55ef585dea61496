import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse } from 'yaml';
import { REPO_ROOT } from '../src/paths';

export function repoFile(...parts: string[]): string {
  return readFileSync(join(REPO_ROOT, ...parts), 'utf8');
}

/** YAML with merge keys (`<<: *anchor`), as docker compose reads it. */
export function repoYaml<T = Record<string, unknown>>(...parts: string[]): T {
  return parse(repoFile(...parts), { merge: true }) as T;
}

export interface ComposeService {
  image?: string;
  build?: { context: string; dockerfile: string; args?: Record<string, string> };
  command?: string[];
  entrypoint?: string[];
  environment?: Record<string, string>;
  env_file?: string[];
  expose?: string[];
  ports?: string[];
  volumes?: string[];
  healthcheck?: { test: string[] };
  depends_on?: Record<string, { condition: string }>;
  container_name?: string;
  networks?: string[];
  labels?: Record<string, string>;
  profiles?: string[];
  stop_grace_period?: string;
  deploy?: { replicas?: number };
}

export interface ComposeFile {
  services: Record<string, ComposeService>;
  volumes: Record<string, unknown>;
  networks: Record<string, { internal?: boolean; name?: string } | null>;
}

/** A Traefik or compose duration (Go's `60s`, `1m30s`, `500ms`, or a bare number of seconds) in milliseconds. */
export function durationMs(value: string | number): number {
  if (typeof value === 'number') return value * 1000;
  const unit: Record<string, number> = { ms: 1, s: 1000, m: 60_000, h: 3_600_000 };
  const parts = [...value.matchAll(/(\d+(?:\.\d+)?)(ms|s|m|h)/g)];
  if (parts.map((p) => p[0]).join('') !== value) throw new Error(`not a duration: ${value}`);
  return parts.reduce((ms, [, n, u]) => ms + Number(n) * unit[u!]!, 0);
}

export const compose = () => repoYaml<ComposeFile>('docker-compose.production.yml');

/** The one Dockerfile every service image is built from (build args SERVICE and PORT). */
export const SERVICE_DOCKERFILE = 'infra/docker/service.Dockerfile';

/** The six services and their fixed ports, as the architecture names them. */
export const FLEET: Record<string, number> = {
  'voice-api': 3004,
  realtime: 3007,
  'telephony-bridge': 3009,
  'oauth-gateway': 3010,
  'webhook-router': 3011,
  'db-api': 3013,
};

/** Every public edge prefix and the service behind it. */
export const PREFIXES: Record<string, string> = {
  '/respond': 'voice-api',
  '/config': 'voice-api',
  '/social-proof': 'voice-api',
  '/widget/': 'voice-api',
  '/realtime': 'realtime',
  '/voice/': 'telephony-bridge',
  '/oauth/': 'oauth-gateway',
  '/webhooks/': 'webhook-router',
  '/api/': 'db-api',
  '/app/': 'db-api',
};

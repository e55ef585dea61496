import { join } from 'node:path';

/** The monorepo root, resolved from this file so it holds under tsx and jest alike. */
export const REPO_ROOT = join(__dirname, '..', '..', '..');
export const ROUTES_FILE = join(REPO_ROOT, 'traefik', 'dynamic', 'routes.yml');
/** Its services' ports are the Traefik labels of the production compose file. */
export const COMPOSE_FILE = join(REPO_ROOT, 'docker-compose.production.yml');
/** Local state kept between runs (gitignored). */
export const STATE_DIR = join(REPO_ROOT, '.vocalia');

export function serviceEntry(service: string): string {
  return join('services', service, 'src', 'main.ts');
}

export { createEdge, type Edge, type EdgeOptions } from './edge';
export { checkFleet, type FleetHealth, type ServiceHealth } from './fleet-health';
export { buildRouteTable, loadRouteTable, matchRoute, parseRule, type Route, type RouteTable, type FleetService } from './route-table';
export { resolvePostgres, type ResolvedPostgres, type ResolvePostgresOptions } from './resolve-postgres';
export { resolveRedis, type ResolvedRedis, type ResolveRedisOptions } from './resolve-redis';
export { startEmbeddedPostgres, type EmbeddedPostgres } from './embedded-postgres';
export { ResolveError } from './resolve-error';
export { maskUrl } from './mask-url';
export { ROUTES_FILE, REPO_ROOT } from './paths';

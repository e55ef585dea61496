// The whole fleet on one machine: PostgreSQL and Redis (found or started), migrations, the six
// services, the local edge serving traefik/dynamic/routes.yml, a demo tenant. Run: pnpm start
import { createLogger } from '@vocalia/service-kit';
import { terminateTracked } from './child-process';
import { prepareDatabase } from './database';
import { loadDevJwtKeys } from './dev-jwt-keys';
import { loadFleetSecrets } from './fleet-secrets';
import { createEdge, type Edge } from './edge';
import { loadLauncherEnv, passthroughEnv } from './env';
import { Fleet, type ServiceState } from './fleet';
import { REPO_ROOT, ROUTES_FILE, STATE_DIR } from './paths';
import { isPortFree, preferredOrFreePort } from './ports';
import { ResolveError } from './resolve-error';
import { resolveMail, type ResolvedMail } from './resolve-mail';
import { resolvePostgres, type ResolvedPostgres } from './resolve-postgres';
import { resolveRedis, type ResolvedRedis } from './resolve-redis';
import { loadRouteTable } from './route-table';
import { seedDemoTenant, type SeedResult } from './seed';
import { summaryLines } from './summary';

const env = loadLauncherEnv();
const logger = createLogger('launcher', env.LOG_LEVEL);
const running: { postgres?: ResolvedPostgres; redis?: ResolvedRedis; mail?: ResolvedMail; fleet?: Fleet; edge?: Edge } = {};
let stopping: Promise<void> | undefined;

/** Edge and services together (open WebSockets end as their service drains), then Redis, then PostgreSQL. */
async function stopEverything(): Promise<void> {
  const deadline = env.SHUTDOWN_DEADLINE_MS;
  await Promise.all([running.edge?.close(deadline), running.fleet?.stop(deadline)]);
  await running.redis?.stop();
  await running.postgres?.stop();
  await running.mail?.stop();
}

/** Every step has its deadline, so a repeated signal (a terminal's Ctrl-C also arrives relayed by tsx) changes nothing. */
function onSignal(signal: NodeJS.Signals): void {
  if (stopping) return;
  logger.info('stopping the fleet', { signal, deadlineMs: env.SHUTDOWN_DEADLINE_MS });
  stopping = stopEverything().then(() => {
    logger.info('stopped');
    process.exit(0);
  });
}

async function fail(message: string): Promise<never> {
  process.stderr.write(`launcher: ${message}\n`);
  stopping ??= stopEverything();
  await stopping;
  process.exit(1);
}

async function main(): Promise<void> {
  process.on('SIGINT', onSignal);
  process.on('SIGTERM', onSignal);
  process.on('exit', terminateTracked);

  const table = loadRouteTable(ROUTES_FILE);
  for (const { name, port } of [...table.services, { name: 'edge', port: env.EDGE_PORT }]) {
    if (!(await isPortFree(port))) await fail(`port ${port} (${name}) is already in use. Fix: stop what listens there (ss -ltnp 'sport = :${port}'; an earlier launcher still running?)`);
  }

  running.postgres = await resolvePostgres({
    envUrl: env.DATABASE_URL,
    local: { host: env.PGHOST, port: env.PGPORT, user: env.PGUSER, password: env.PGPASSWORD },
    embeddedPort: await preferredOrFreePort(env.EMBEDDED_PG_PORT),
  });
  logger.info('postgres', { using: running.postgres.source, detail: running.postgres.description });
  running.redis = await resolveRedis({ envUrl: env.REDIS_URL });
  logger.info('redis', { using: running.redis.source, detail: running.redis.description });
  await prepareDatabase(running.postgres, logger);
  running.mail = await resolveMail({ envUrl: env.SMTP_URL });
  process.stdout.write(`${running.mail.description}\n`);

  const edgeUrl = `http://localhost:${env.EDGE_PORT}`;
  const dbApiPort = table.services.find((s) => s.name === 'db-api')?.port ?? 3013;
  running.fleet = new Fleet({
    cwd: REPO_ROOT,
    startTimeoutMs: env.SERVICE_START_TIMEOUT_MS,
    logger,
    report: (line) => process.stdout.write(`launcher: ${line}\n`),
    env: {
      ...passthroughEnv(),
      DATABASE_URL: running.postgres.url,
      REDIS_URL: running.redis.url,
      SMTP_URL: running.mail.smtpUrl,
      PUBLIC_BASE_URL: env.PUBLIC_BASE_URL ?? edgeUrl,
      ...loadFleetSecrets(STATE_DIR, env),
      DB_API_INTERNAL_URL: env.DB_API_INTERNAL_URL ?? `http://127.0.0.1:${dbApiPort}`,
      LOG_LEVEL: env.LOG_LEVEL,
      NODE_ENV: env.NODE_ENV,
      ...(env.JWT_PRIVATE_KEY && env.JWT_PUBLIC_KEY ? {} : loadDevJwtKeys(STATE_DIR)),
    },
  });
  let seed: Promise<SeedResult | undefined> = Promise.resolve(undefined);
  const started: Promise<ServiceState>[] = table.services.map(async (spec) => {
    const state = await running.fleet!.start(spec);
    if (spec.name === 'db-api' && state.state === 'healthy') seed = seedDemoTenant(state.url, edgeUrl);
    return state;
  });

  running.edge = createEdge(table, { trustForwardedHeaders: env.EDGE_TRUST_FORWARDED, logger: createLogger('edge', env.LOG_LEVEL) });
  await running.edge.listen(env.EDGE_PORT, env.EDGE_HOST);
  const services = await Promise.all(started);
  const lines = summaryLines({ services, postgres: running.postgres, redis: running.redis, edgeUrl, seed: await seed });
  process.stdout.write(`${lines.join('\n')}\n`);
}

main().catch((err: unknown) => fail(err instanceof ResolveError ? err.message : `could not start: ${err instanceof Error ? (err.stack ?? err.message) : String(err)}`));

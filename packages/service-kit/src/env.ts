import { z } from 'zod';
import { DEFAULT_STALLED_JOB_RECOVERY } from './stalled-job-recovery';

/** Variables every service reads. Services extend this with their own. */
export const BaseEnv = z.object({
  NODE_ENV: z.enum(['development', 'test', 'production']).default('development'),
  LOG_LEVEL: z.enum(['silent', 'error', 'warn', 'info', 'http', 'debug']).default('info'),
  REDIS_URL: z.url().default('redis://127.0.0.1:6379'),
  PUBLIC_BASE_URL: z.url().default('http://localhost:8080'),
  SHUTDOWN_DEADLINE_MS: z.coerce.number().int().positive().default(10000),
  /** On SIGTERM, keep answering this long with /health at 503 before closing, so the load balancer takes the replica out first. */
  SHUTDOWN_DRAIN_MS: z.coerce.number().int().min(0).max(120_000).default(0),
  /** Failed queue jobs (dead letters) kept per queue: at most this many, for at most this long. */
  DEAD_LETTER_MAX_COUNT: z.coerce.number().int().positive().default(10000),
  DEAD_LETTER_MAX_AGE_SEC: z.coerce.number().int().positive().default(14 * 24 * 3600),
  /** A queue worker's lock on each job it holds (renewed every half of it): a dead worker's jobs run again once it expires. */
  QUEUE_LOCK_DURATION_MS: z.coerce.number().int().min(1000).max(600_000).default(DEFAULT_STALLED_JOB_RECOVERY.lockDurationMs),
  /** How often workers look for jobs whose lock expired (stalled) and put them back to wait. */
  QUEUE_STALLED_INTERVAL_MS: z.coerce.number().int().min(500).max(600_000).default(DEFAULT_STALLED_JOB_RECOVERY.stalledIntervalMs),
  /** OTLP/HTTP collector (e.g. http://otel-collector:4318): traces are exported only when set. Read first by startTracing. */
  OTEL_EXPORTER_OTLP_ENDPOINT: z.url().optional(),
  /** Service name on the spans; the service's own name when unset. */
  OTEL_SERVICE_NAME: z.string().min(1).optional(),
});

export class EnvError extends Error {
  constructor(
    readonly service: string,
    readonly problems: string[],
  ) {
    super(`${service}: bad env: ${problems.join(', ')}. Fix: set it, see README > Configuration`);
    this.name = 'EnvError';
  }
}

/** Parse the environment once, at start; throws EnvError naming every bad variable. */
export function parseEnv<S extends z.ZodObject>(service: string, schema: S, source: NodeJS.ProcessEnv = process.env): z.infer<S> {
  const cleaned = Object.fromEntries(Object.entries(source).filter(([, v]) => v !== ''));
  const result = schema.safeParse(cleaned);
  if (result.success) return result.data;
  const problems = result.error.issues.map((i) => `${i.path.join('.')} (${i.message})`);
  throw new EnvError(service, problems);
}

/** For main.ts: a bad environment prints one clear line and stops the process. */
export function loadEnv<S extends z.ZodObject>(service: string, schema: S): z.infer<S> {
  return exitOnEnvError(() => parseEnv(service, schema));
}

/** Runs a service's own parser (one with production rules of its own); an EnvError prints its one line and exits 1. */
export function exitOnEnvError<T>(parse: () => T): T {
  try {
    return parse();
  } catch (err) {
    if (!(err instanceof EnvError)) throw err;
    process.stderr.write(`${err.message}\n`);
    process.exit(1);
  }
}

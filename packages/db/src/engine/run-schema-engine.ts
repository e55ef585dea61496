import { fork } from 'node:child_process';
import { join } from 'node:path';

export interface ApplyRequest {
  op: 'apply';
  databaseUrl: string;
  migrationsDir: string;
}
export interface DiffRequest {
  op: 'diff';
  /** Any reachable PostgreSQL: the engine connects, but reads and writes nothing for a schema-to-schema diff. */
  databaseUrl: string;
  /** Schema text to start from, or null for an empty database. */
  from: string | null;
  to: string;
}
export interface ApplyResult {
  applied: string[];
}
export interface DiffResult {
  changed: boolean;
  sql: string;
}
type Result<R> = R extends ApplyRequest ? ApplyResult : DiffResult;
type Reply = { ok: true; value: unknown } | { ok: false; error: string };

const WORKER = join(__dirname, 'schema-engine-worker.mjs');

/**
 * Runs one request against Prisma's WebAssembly schema engine in a child node process.
 * The engine package is ESM + wasm; a child process loads it the same way under tsx, node and jest.
 */
export function runSchemaEngine<R extends ApplyRequest | DiffRequest>(request: R): Promise<Result<R>> {
  return new Promise((resolve, reject) => {
    const child = fork(WORKER, [], { execArgv: [], stdio: ['ignore', 'ignore', 'pipe', 'ipc'] });
    let stderr = '';
    let reply: Reply | undefined;
    child.stderr?.on('data', (chunk: Buffer) => {
      stderr += chunk.toString();
    });
    child.on('message', (message: Reply) => {
      reply = message;
    });
    child.on('error', reject);
    child.on('exit', (code) => {
      if (reply?.ok) resolve(reply.value as Result<R>);
      else if (reply) reject(new Error(`schema engine (${request.op}): ${reply.error}`));
      else reject(new Error(`schema engine (${request.op}) exited with code ${code}: ${stderr.trim()}`));
    });
    child.send(request);
  });
}

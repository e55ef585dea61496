// Runs one request against Prisma's WebAssembly schema engine, then exits.
// A separate process because the engine is ESM + wasm, which jest (CommonJS, no vm modules) cannot load.
// Protocol: the parent sends one request over IPC; the child answers { ok, value } or { ok: false, error }.
import { readFile, readdir, stat } from 'node:fs/promises';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import * as bg from '@prisma/schema-engine-wasm/schema_engine_bg';
import { PrismaPg } from '@prisma/adapter-pg';
import { bindMigrationAwareSqlAdapterFactory } from '@prisma/driver-adapter-utils';

const FILTERS = { externalTables: [], externalEnums: [] };

// @prisma/adapter-pg runs a migration script by splitting it on every ';' (breaking function bodies)
// and autocommitting each piece. Send it whole, as the native engine does: one simple-protocol
// query, which PostgreSQL runs as one implicit transaction, so a failed migration leaves nothing behind.
class WholeScriptPg extends PrismaPg {
  async connect() {
    const adapter = await super.connect();
    adapter.executeScript = async (script) => {
      try {
        await adapter.underlyingDriver().query(script);
      } catch (error) {
        adapter.onError(error);
      }
    };
    return adapter;
  }
}

async function loadEngine(databaseUrl, datamodel) {
  const bgPath = fileURLToPath(import.meta.resolve('@prisma/schema-engine-wasm/schema_engine_bg'));
  const bytes = await readFile(join(bgPath, '..', 'schema_engine_bg.wasm'));
  const { instance } = await WebAssembly.instantiate(bytes, { './schema_engine_bg.js': bg });
  bg.__wbg_set_wasm(instance.exports);
  instance.exports.__wbindgen_start();
  const adapter = bindMigrationAwareSqlAdapterFactory(new WholeScriptPg({ connectionString: databaseUrl, max: 1 }, { schema: 'public' }));
  const datamodels = datamodel === undefined ? undefined : [['schema.prisma', datamodel]];
  return bg.SchemaEngine.new({ datamodels }, () => undefined, adapter);
}

async function readMigrations(baseDir) {
  const names = (await readdir(baseDir)).sort();
  const migrationDirectories = [];
  for (const name of names) {
    if (!(await stat(join(baseDir, name))).isDirectory()) continue;
    const sql = await readFile(join(baseDir, name, 'migration.sql'), 'utf8').then(
      (value) => ({ tag: 'ok', value }),
      (err) => ({ tag: 'error', value: String(err) }),
    );
    migrationDirectories.push({ path: name, migrationFile: { path: 'migration.sql', content: sql } });
  }
  const lockPath = join(baseDir, 'migration_lock.toml');
  const lockContent = await readFile(lockPath, 'utf8').catch(() => null);
  return { baseDir, lockfile: { path: lockPath, content: lockContent }, shadowDbInitScript: '', migrationDirectories };
}

function target(schema) {
  return schema === null ? { tag: 'empty' } : { tag: 'schemaDatamodel', files: [{ path: 'schema.prisma', content: schema }] };
}

async function run(request) {
  if (request.op === 'apply') {
    const engine = await loadEngine(request.databaseUrl);
    const migrationsList = await readMigrations(request.migrationsDir);
    const out = await engine.applyMigrations({ migrationsList, filters: FILTERS });
    return { applied: out.appliedMigrationNames };
  }
  if (request.op === 'diff') {
    // The engine opens a connection even for datamodel -> datamodel diffs; it reads and writes nothing.
    const engine = await loadEngine(request.databaseUrl, request.to);
    const out = await engine.diff({ from: target(request.from), to: target(request.to), script: true, exitCode: true, filters: FILTERS });
    return { changed: out.exitCode === 2, sql: out.stdout ?? '' };
  }
  throw new Error(`unknown op ${String(request.op)}`);
}

process.once('message', (request) => {
  run(request).then(
    (value) => process.send({ ok: true, value }, () => process.exit(0)),
    (err) => process.send({ ok: false, error: err instanceof Error ? err.message : JSON.stringify(err) }, () => process.exit(0)),
  );
});

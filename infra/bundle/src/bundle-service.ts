import { mkdirSync, rmSync, statSync, readdirSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { build, type BuildOptions, type Metafile } from 'esbuild';
import { ABSENT_EXTERNALS, copyExternals, SHIPPED_EXTERNALS, writeBundlePackageJson } from './externals';
import { BUNDLE_DIR, moduleDirPlugin } from './module-dir-plugin';
import { entryOf, REPO_ROOT } from './repo';
import { copyRuntimeFiles } from './runtime-files';

/** The schema-engine worker db-api forks to migrate: its own ESM bundle, at the path run-schema-engine.ts expects. */
/** Stands for `import.meta.url` in the CommonJS bundle, where esbuild would leave it undefined. */
const IMPORT_META_URL = '__vocaliaImportMetaUrl';

const SCHEMA_ENGINE_WORKER = 'packages/db/src/engine/schema-engine-worker.mjs';

export interface BundleResult {
  service: string;
  outDir: string;
  /** main.js alone, in bytes. */
  mainBytes: number;
  /** Everything the image copies: bundle, source map, runtime files, node_modules. */
  totalBytes: number;
  externals: Record<string, string>;
  runtimeFiles: string[];
}

function dirBytes(path: string): number {
  const st = statSync(path);
  if (!st.isDirectory()) return st.size;
  return readdirSync(path).reduce((sum, name) => sum + dirBytes(join(path, name)), 0);
}

/** Each external a bundle imports, with the directory of the module importing it (where Node resolves it from). */
function externalImports(meta: Metafile): Map<string, string> {
  const found = new Map<string, string>();
  for (const [input, { imports }] of Object.entries(meta.inputs)) {
    for (const imp of imports) {
      const name = SHIPPED_EXTERNALS.find((n) => imp.path === n || imp.path.startsWith(`${n}/`));
      if (imp.external && name && !found.has(name)) found.set(name, dirname(join(REPO_ROOT, input)));
    }
  }
  return found;
}

const common: BuildOptions & { metafile: true } = {
  bundle: true,
  platform: 'node',
  target: 'node20',
  // Source maps give stack traces their file:line (node --enable-source-maps); the sources stay out.
  sourcemap: true,
  sourcesContent: false,
  minify: true,
  keepNames: true,
  legalComments: 'none',
  logLevel: 'error',
  metafile: true,
  absWorkingDir: REPO_ROOT,
  external: [...SHIPPED_EXTERNALS, ...ABSENT_EXTERNALS],
  alias: { esbuild: join(__dirname, 'stubs', 'esbuild.cjs') },
  plugins: [moduleDirPlugin],
};

/**
 * `<outDir>/main.js`: the service and every workspace package and dependency it imports, compiled into
 * one CommonJS file; beside it the runtime files its packages read and, in node_modules, only the
 * production packages that cannot be inlined. Runs with `node --enable-source-maps main.js`.
 */
export async function bundleService(service: string, outDir: string): Promise<BundleResult> {
  rmSync(outDir, { recursive: true, force: true });
  mkdirSync(outDir, { recursive: true });
  const main = await build<typeof common>({
    ...common,
    entryPoints: [entryOf(service)],
    outfile: join(outDir, 'main.js'),
    format: 'cjs',
    // ES module builds inlined here (OpenTelemetry's) call createRequire(import.meta.url): give them this file's URL.
    define: { 'import.meta.url': IMPORT_META_URL },
    banner: { js: `const ${BUNDLE_DIR} = __dirname; const ${IMPORT_META_URL} = require('node:url').pathToFileURL(__filename).href;` },
  });
  const inputs = Object.keys(main.metafile.inputs);
  const imports = externalImports(main.metafile);
  if (inputs.some((i) => i.startsWith('packages/db/'))) {
    const worker = await build<typeof common>({
      ...common,
      entryPoints: [join(REPO_ROOT, SCHEMA_ENGINE_WORKER)],
      outfile: join(outDir, SCHEMA_ENGINE_WORKER),
      format: 'esm',
      // Bundled CommonJS dependencies call require(); an ES module has none of its own.
      banner: { js: "import { createRequire as __vocaliaCreateRequire } from 'node:module'; const require = __vocaliaCreateRequire(import.meta.url);" },
    });
    for (const [name, from] of externalImports(worker.metafile)) if (!imports.has(name)) imports.set(name, from);
  }
  const externals: Record<string, string> = {};
  for (const [name, from] of imports) Object.assign(externals, copyExternals([name], from, outDir));
  writeBundlePackageJson(outDir, service, externals);
  const runtimeFiles = copyRuntimeFiles(inputs, outDir);
  return { service, outDir, mainBytes: statSync(join(outDir, 'main.js')).size, totalBytes: dirBytes(outDir), externals, runtimeFiles };
}

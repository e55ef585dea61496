import { cpSync, existsSync, readFileSync, realpathSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';

/** The packages service-kit's OpenTelemetry instrumentations patch at require time (src/otel-sdk.ts). */
export const INSTRUMENTED_PACKAGES = ['express', 'ioredis', 'pg'];

/**
 * What a bundle cannot inline: native addons (argon2, msgpackr's optional extractor), the Prisma
 * schema engine (WebAssembly read from its package directory), and the packages OpenTelemetry patches
 * when they are required (express, ioredis, pg: inlined, no require() would reach its hook, and their
 * spans would be missing). They ship as packages, with their own production dependencies, in
 * node_modules beside the bundle.
 */
export const SHIPPED_EXTERNALS = ['argon2', 'msgpackr-extract', '@prisma/schema-engine-wasm', ...INSTRUMENTED_PACKAGES];
/** Optional at run time and absent from the install: their require() sits behind a fallback. */
export const ABSENT_EXTERNALS = ['pg-native'];

interface PackageJson {
  name: string;
  version: string;
  dependencies?: Record<string, string>;
  optionalDependencies?: Record<string, string>;
}

/** The installed directory of `name` as Node would find it from `fromDir` (symlinks resolved). */
function installedDir(name: string, fromDir: string): string | undefined {
  for (let dir = fromDir; ; dir = dirname(dir)) {
    const candidate = join(dir, 'node_modules', name);
    if (existsSync(join(candidate, 'package.json'))) return realpathSync(candidate);
    if (dirname(dir) === dir) return undefined;
  }
}

/**
 * Copies each package and its production dependencies (optional ones when installed) into
 * `<outDir>/node_modules`, flat, from the lockfile-installed tree; returns name -> version.
 */
export function copyExternals(names: string[], fromDir: string, outDir: string): Record<string, string> {
  const copied: Record<string, string> = {};
  const visit = (name: string, from: string, optional: boolean) => {
    const dir = installedDir(name, from);
    if (!dir) {
      if (optional) return;
      throw new Error(`${name} is not installed (needed from ${from})`);
    }
    const pkg = JSON.parse(readFileSync(join(dir, 'package.json'), 'utf8')) as PackageJson;
    if (copied[name]) {
      if (copied[name] !== pkg.version) throw new Error(`${name} needed at ${copied[name]} and ${pkg.version}: a flat node_modules cannot hold both`);
      return;
    }
    copied[name] = pkg.version;
    cpSync(dir, join(outDir, 'node_modules', name), { recursive: true, dereference: true, filter: (src) => !src.slice(dir.length).includes('node_modules') });
    for (const dep of Object.keys(pkg.dependencies ?? {})) visit(dep, dir, false);
    for (const dep of Object.keys(pkg.optionalDependencies ?? {})) visit(dep, dir, true);
  };
  for (const name of names) visit(name, fromDir, true);
  return copied;
}

export function writeBundlePackageJson(outDir: string, service: string, dependencies: Record<string, string>): void {
  const pkg = { name: `@vocalia/${service}-bundle`, private: true, description: `Production bundle of ${service}: node main.js`, dependencies };
  writeFileSync(join(outDir, 'package.json'), `${JSON.stringify(pkg, null, 2)}\n`);
}

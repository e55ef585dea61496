import { createHash } from 'node:crypto';
import { gzipSync } from 'node:zlib';
import { WIDGET_FILE } from '../widget-paths';

/** `build/manifest.json`: what db-api needs for snippets and voice-api for cache-busting URLs. */
export interface BundleManifest {
  file: string;
  version: string;
  /** First 12 hex digits of the SHA-384 of the bundle: the immutable URL segment `/widget/v1.<hash>/`. */
  hash: string;
  /** Subresource Integrity value for the immutable URL. */
  sri: string;
  bytes: number;
  gzipBytes: number;
}

export function gzipBundle(code: string | Buffer): Buffer {
  return gzipSync(code, { level: 9 });
}

export function manifestFor(code: string | Buffer, version: string): BundleManifest {
  const digest = createHash('sha384').update(code).digest();
  return {
    file: WIDGET_FILE,
    version,
    hash: digest.toString('hex').slice(0, 12),
    sri: `sha384-${digest.toString('base64')}`,
    bytes: Buffer.byteLength(code),
    gzipBytes: gzipBundle(code).length,
  };
}

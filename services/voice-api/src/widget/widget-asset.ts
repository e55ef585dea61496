import { createHash } from 'node:crypto';
import { gzipSync } from 'node:zlib';

/** The built widget as served: the bytes once (plain and gzip), the content hash of the immutable URL, the ETag. */
export interface WidgetAsset {
  body: Buffer;
  gzip: Buffer;
  hash: string;
  etag: string;
  gzipEtag: string;
}

export function widgetAsset(bundle: { code: string; hash: string; gzip?: Buffer }): WidgetAsset {
  const body = Buffer.from(bundle.code, 'utf8');
  const tag = createHash('sha256').update(body).digest('base64url').slice(0, 27);
  return { body, gzip: bundle.gzip ?? gzipSync(body, { level: 9 }), hash: bundle.hash, etag: `"${tag}"`, gzipEtag: `"${tag}-gz"` };
}

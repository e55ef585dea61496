import { createHash } from 'node:crypto';

/** The built widget as served: the bytes once, their content hash (the immutable URL) and ETag. */
export interface WidgetAsset {
  body: Buffer;
  hash: string;
  etag: string;
}

export function widgetAsset(bundle: { code: string; hash: string }): WidgetAsset {
  const body = Buffer.from(bundle.code, 'utf8');
  const etag = `"${createHash('sha256').update(body).digest('base64url').slice(0, 27)}"`;
  return { body, hash: bundle.hash, etag };
}

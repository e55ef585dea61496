import { createHmac, timingSafeEqual } from 'node:crypto';

/** HMAC-SHA256 of the parts, in the encoding the provider uses. */
export function hmacSha256(secret: string, parts: (string | Buffer)[], encoding: 'base64' | 'hex'): string {
  const mac = createHmac('sha256', secret);
  for (const part of parts) mac.update(part);
  return mac.digest(encoding);
}

/** Constant-time comparison of a received signature with the expected one (lengths differ = no match). */
export function signatureMatches(received: string, expected: string): boolean {
  const a = Buffer.from(received, 'utf8');
  const b = Buffer.from(expected, 'utf8');
  return a.length === b.length && timingSafeEqual(a, b);
}

import { createHash } from 'node:crypto';

export interface AuditContent {
  seq: bigint;
  tenantId: string | null;
  actor: string;
  action: string;
  target: string | null;
  meta: unknown;
  at: Date;
}

/** JSON with object keys sorted at every depth, so the same content always hashes the same. */
export function canonicalJson(value: unknown): string {
  if (value === null || typeof value !== 'object') return JSON.stringify(value) ?? 'null';
  if (Array.isArray(value)) return `[${value.map(canonicalJson).join(',')}]`;
  const entries = Object.entries(value as Record<string, unknown>)
    .filter(([, v]) => v !== undefined)
    .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
  return `{${entries.map(([k, v]) => `${JSON.stringify(k)}:${canonicalJson(v)}`).join(',')}}`;
}

/** hash = sha256(prevHash || canonical JSON of the row's content); the first row of a chain has prevHash ''. */
export function auditHash(prevHash: string | null, content: AuditContent): string {
  const canonical = canonicalJson({ ...content, seq: content.seq.toString(), at: content.at.toISOString() });
  return createHash('sha256')
    .update(prevHash ?? '')
    .update(canonical)
    .digest('hex');
}

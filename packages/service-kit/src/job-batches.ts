import { createHash } from 'node:crypto';

export interface BatchOf<T> {
  items: T[];
  /** 40 hex digits derived from the items' keys, in order: the same items make the same job id again. */
  digest: string;
  /** The items' one tenant, or null when they span several. */
  tenantId: string | null;
}

/**
 * `items` as jobs of at most `size`: a lone item keeps its own job (`single`), more go together
 * (`batch`), so a producer retried with the same items adds the same jobs and BullMQ keeps one of each.
 */
export function batchJobs<T extends { tenantId: string | null }, J>(items: T[], size: number, key: (item: T) => string, single: (item: T) => J, batch: (b: BatchOf<T>) => J): J[] {
  const jobs: J[] = [];
  for (let i = 0; i < items.length; i += size) {
    const chunk = items.slice(i, i + size);
    const first = chunk[0] as T;
    if (chunk.length === 1) {
      jobs.push(single(first));
      continue;
    }
    const digest = createHash('sha256').update(chunk.map(key).join('\n')).digest('hex').slice(0, 40);
    const tenants = new Set(chunk.map((item) => item.tenantId));
    jobs.push(batch({ items: chunk, digest, tenantId: tenants.size === 1 ? first.tenantId : null }));
  }
  return jobs;
}

import { createHash } from 'node:crypto';

/** Query shapes named per process, at most: each named shape holds a plan in every connection's backend. */
export const MAX_NAMED_SHAPES = 2000;
/** Statements with more parameters (bulk inserts of every size) stay unnamed: one shape per row count, and their execution outweighs a plan. */
export const MAX_NAMED_PARAMETERS = 64;

/**
 * Names for Prisma's statements (the adapter's `statementNameGenerator`): a query shape gets the same
 * name every time, from a digest of its SQL text, so node-postgres prepares it once per connection and
 * PostgreSQL parses and plans it once, instead of on every execution as for unnamed statements
 * (measured with pgbench: an event's delivery insert ran at 2,767 statements/s unnamed against 6,714/s
 * prepared). '' (unnamed) for a statement over MAX_NAMED_PARAMETERS parameters, and for every new shape
 * once MAX_NAMED_SHAPES are named.
 */
export function statementNames(limits = { shapes: MAX_NAMED_SHAPES, parameters: MAX_NAMED_PARAMETERS }): (query: { sql: string; args: unknown[] }) => string {
  const names = new Map<string, string>();
  return ({ sql, args }) => {
    if (args.length > limits.parameters) return '';
    const known = names.get(sql);
    if (known !== undefined) return known;
    if (names.size >= limits.shapes) return '';
    // 'p' + 40 hex characters: under PostgreSQL's 63-byte identifier limit, so no two shapes share a truncated name.
    const name = `p${createHash('sha1').update(sql).digest('hex')}`;
    names.set(sql, name);
    return name;
  };
}

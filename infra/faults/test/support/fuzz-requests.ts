import fc from 'fast-check';
import type { z } from 'zod';

export interface FuzzRoute {
  method: string;
  /** Express-style path: each `:param` gets a generated value. */
  path: string;
  query?: z.ZodType;
  body?: z.ZodType;
}

export interface FuzzRequest {
  method: string;
  path: string;
  /** Raw body text sent as application/json (often not JSON at all). */
  body?: string;
}

/** Field names of an object schema, or of every option of a union of objects (zod 4 definitions). */
export function fieldNames(schema: z.ZodType | undefined): string[] {
  const def = (schema as { _zod?: { def?: Record<string, unknown> } } | undefined)?._zod?.def;
  if (!def) return [];
  if (def.type === 'object') return Object.keys(def.shape as Record<string, unknown>);
  if (def.type === 'union') return [...new Set((def.options as z.ZodType[]).flatMap(fieldNames))];
  if (def.type === 'pipe') return fieldNames(def.in as z.ZodType);
  if ('innerType' in def) return fieldNames(def.innerType as z.ZodType);
  return [];
}

/** What a hostile or careless client puts in a field. */
const hostileValue: fc.Arbitrary<unknown> = fc.oneof(
  fc.string(),
  fc.string({ unit: 'binary', maxLength: 40 }),
  fc.constantFrom('', ' ', '\u0000', 'x'.repeat(70_000), '../../etc/passwd', "' OR 1=1 --", '1e309', '-0', '2026-02-30T25:61:00Z', '__proto__', '{"$ne":null}'),
  fc.integer(),
  fc.constantFrom(Number.MAX_SAFE_INTEGER, -1, 0, 1e308, -1e308),
  fc.double({ noNaN: true }),
  fc.boolean(),
  fc.constant(null),
  fc.array(fc.string({ maxLength: 8 }), { maxLength: 4 }),
  fc.dictionary(fc.string({ maxLength: 6 }), fc.string({ maxLength: 8 }), { maxKeys: 3 }),
);

const pathValue = fc.oneof(fc.string({ minLength: 1, maxLength: 20 }), fc.constantFrom('%', '%00', '..', 'x'.repeat(3000), '%E0%A4%A', '0', '-1', 'null'));

/** One route's requests: path parameters, query and body built from its zod schemas' field names, filled with hostile values. */
export function requestsFor(route: FuzzRoute, runs: number, seed: number): FuzzRequest[] {
  const queryFields = fieldNames(route.query);
  const bodyFields = fieldNames(route.body);
  const params = [...route.path.matchAll(/:([A-Za-z0-9_]+)/g)].map((m) => m[1] as string);
  const record = (fields: string[]) => fc.record(Object.fromEntries(fields.map((f) => [f, hostileValue])), { requiredKeys: [] });
  const arbitrary = fc.record({
    params: fc.tuple(...params.map(() => pathValue)),
    query: record(queryFields),
    body: fc.oneof(record(bodyFields).map((b) => JSON.stringify(b)), fc.jsonValue().map((v) => JSON.stringify(v)), fc.string({ maxLength: 40 })),
  });
  return fc.sample(arbitrary, { numRuns: runs, seed }).map(({ params: values, query, body }) => {
    let i = 0;
    const path = route.path.replace(/:[A-Za-z0-9_]+/g, () => encodeURIComponent(String(values[i++])));
    const search = new URLSearchParams();
    for (const [key, value] of Object.entries(query)) search.append(key, typeof value === 'string' ? value : JSON.stringify(value));
    const qs = search.toString();
    const hasBody = !['GET', 'HEAD'].includes(route.method.toUpperCase());
    return { method: route.method.toUpperCase(), path: qs ? `${path}?${qs}` : path, ...(hasBody ? { body } : {}) };
  });
}

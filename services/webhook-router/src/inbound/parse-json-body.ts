import type { z } from 'zod';
import { badSignature } from './bad-signature';

/** The raw body as JSON of the provider's envelope; read before the signature only to find whose secret checks it. */
export function parseJsonBody<S extends z.ZodType>(schema: S, raw: Buffer): z.infer<S> {
  let json: unknown;
  try {
    json = JSON.parse(raw.toString('utf8'));
  } catch {
    throw badSignature('body', 'must be JSON');
  }
  const parsed = schema.safeParse(json);
  if (!parsed.success) throw badSignature(`body.${parsed.error.issues[0]?.path.join('.') ?? ''}`.replace(/\.$/, ''), parsed.error.issues[0]?.message ?? 'invalid');
  return parsed.data;
}

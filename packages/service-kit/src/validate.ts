import type { z } from 'zod';
import { AppError } from './errors';
import { fieldRuleOf } from './field-rule';
import { findNul, nulRefused } from './nul-guard';

const JSON_BODY = 'send the body as JSON, with Content-Type: application/json';

/** Parse input at the edge: a failure is a 400 naming every bad field, and nothing changes. */
export function parseInput<S extends z.ZodType>(schema: S, data: unknown, where = 'body'): z.infer<S> {
  const nul = findNul(data, where);
  if (nul.length) throw nulRefused(nul);
  const result = schema.safeParse(data);
  if (result.success) return result.data;
  // No parser read a body (none sent, or another Content-Type: `curl -d` alone sends a form): say that, not "expected object".
  if (where === 'body' && data === undefined) {
    throw new AppError('UNSUPPORTED_MEDIA_TYPE', `No JSON body was read: ${JSON_BODY}`, { errors: [{ path: 'header.content-type', message: JSON_BODY }] });
  }
  const errors = result.error.issues.map((issue) => ({
    path: [where, ...issue.path.map(String)].join('.'),
    message: issue.message,
    ...fieldRuleOf(issue, data),
  }));
  const detail = errors.map((e) => `${e.path}: ${e.message}`).join('; ');
  throw new AppError('VALIDATION_FAILED', detail, { errors });
}

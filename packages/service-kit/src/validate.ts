import type { z } from 'zod';
import { AppError } from './errors';
import { fieldRuleOf } from './field-rule';
import { findNul, nulRefused } from './nul-guard';

/** Parse input at the edge: a failure is a 400 naming every bad field, and nothing changes. */
export function parseInput<S extends z.ZodType>(schema: S, data: unknown, where = 'body'): z.infer<S> {
  const nul = findNul(data, where);
  if (nul.length) throw nulRefused(nul);
  const result = schema.safeParse(data);
  if (result.success) return result.data;
  const errors = result.error.issues.map((issue) => ({
    path: [where, ...issue.path.map(String)].join('.'),
    message: issue.message,
    ...fieldRuleOf(issue, data),
  }));
  const detail = errors.map((e) => `${e.path}: ${e.message}`).join('; ');
  throw new AppError('VALIDATION_FAILED', detail, { errors });
}

import type { RequestHandler } from 'express';
import type { ProblemField } from '@vocalia/contracts';
import { AppError } from './errors';

const NUL = '\u0000';
const MESSAGE = 'must not contain the NUL character (\\u0000)';
const MAX_REPORTED = 20;

const printable = (key: string) => key.replaceAll(NUL, '\\u0000');

/**
 * Every string (and object key) holding U+0000 under `root`, as problem fields. PostgreSQL refuses
 * it in text and jsonb (22021), so no such string may pass validation. Iterative: a deeply nested
 * body cannot overflow the stack.
 */
export function findNul(value: unknown, root: string): ProblemField[] {
  const found: ProblemField[] = [];
  const pending: [unknown, string][] = [[value, root]];
  while (pending.length && found.length < MAX_REPORTED) {
    const [item, path] = pending.pop() as [unknown, string];
    if (typeof item === 'string') {
      if (item.includes(NUL)) found.push({ path, message: MESSAGE, rule: 'nul_character' });
    } else if (item !== null && typeof item === 'object' && !Buffer.isBuffer(item)) {
      for (const [key, child] of Object.entries(item)) {
        const childPath = `${path}.${printable(key)}`;
        if (key.includes(NUL)) found.push({ path: childPath, message: `key ${MESSAGE}`, rule: 'nul_character' });
        pending.push([child, childPath]);
      }
    }
  }
  return found.reverse();
}

export function nulRefused(errors: ProblemField[]): AppError {
  return new AppError('VALIDATION_FAILED', errors.map((e) => `${e.path}: ${e.message}`).join('; '), { errors });
}

/** A `%00` in the path decodes to U+0000 in a route parameter, whatever its name. */
const ENCODED_NUL = /%00/i;

/** The one request guard: U+0000 in the path, a query value or a parsed body is a 400 before any route runs. */
export const refuseNul: RequestHandler = (req, _res, next) => {
  const errors = [
    ...(ENCODED_NUL.test(req.path) ? [{ path: 'path', message: MESSAGE, rule: 'nul_character' as const }] : []),
    ...findNul(req.query, 'query'),
    ...findNul(req.body, 'body'),
  ];
  next(errors.length ? nulRefused(errors) : undefined);
};

import type { z } from 'zod';
import type { ProblemField } from '@vocalia/contracts';

type Issue = z.core.$ZodIssue;
type FieldRule = Pick<ProblemField, 'rule' | 'limit'>;

const valueAt = (data: unknown, path: readonly PropertyKey[]): unknown =>
  path.reduce<unknown>((value, key) => (value !== null && typeof value === 'object' ? (value as Record<PropertyKey, unknown>)[key] : undefined), data);

/** A length for text and lists, a bound for numbers and dates. */
const counted = (origin: string) => origin === 'string' || origin === 'array' || origin === 'set';

/** The rule a zod issue reports, in the contract's words (`ProblemFieldRule`); none for the rest (a refinement's own message). */
export function fieldRuleOf(issue: Issue, data: unknown): FieldRule {
  switch (issue.code) {
    case 'invalid_type':
      return { rule: valueAt(data, issue.path) === undefined ? 'required' : 'invalid_type' };
    case 'too_small':
      if (!counted(issue.origin)) return { rule: 'too_small', limit: Number(issue.minimum) };
      return Number(issue.minimum) === 1 ? { rule: 'required' } : { rule: 'too_short', limit: Number(issue.minimum) };
    case 'too_big':
      return { rule: counted(issue.origin) ? 'too_long' : 'too_big', limit: Number(issue.maximum) };
    case 'invalid_format':
      return { rule: issue.format === 'email' ? 'invalid_email' : issue.format === 'url' ? 'invalid_url' : 'invalid_format' };
    case 'invalid_value':
      return { rule: 'invalid_choice' };
    case 'invalid_union':
      // A discriminated union's tag (`kind`) absent or not one of its values; other unions keep their own message.
      if (!('discriminator' in issue)) return {};
      return { rule: valueAt(data, issue.path) === undefined ? 'required' : 'invalid_choice' };
    default:
      return {};
  }
}

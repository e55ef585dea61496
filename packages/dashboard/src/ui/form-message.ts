import type { FormProblem } from './problem';

/**
 * A form's line under its fields: nothing when a field the form shows carries the problem, else the
 * problem of a field it does not show (in the interface's language when the server named the rule),
 * else the server's overall words; never "check the fields marked above" with none marked.
 */
export function formMessage(problem: FormProblem, shown: readonly string[]): string | undefined {
  if (shown.some((name) => problem.fields[name])) return undefined;
  return Object.values(problem.fields)[0] ?? problem.message;
}

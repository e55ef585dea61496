import type { ProblemField } from '@vocalia/contracts';
import type { Response } from 'supertest';

/** The problem+json body of a supertest response (express sends it as text with that content type). */
export function problemOf(res: Response): { status: number; code: string; detail?: string; errors?: ProblemField[]; feature?: string; requiredPlan?: string } {
  expect(res.headers['content-type']).toMatch(/application\/problem\+json/);
  return JSON.parse(res.text);
}

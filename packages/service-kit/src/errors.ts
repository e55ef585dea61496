import { ERROR_CODES, type ErrorCode, type ProblemField } from '@vocalia/contracts';

export interface AppErrorExtras {
  errors?: ProblemField[];
  headers?: Record<string, string>;
  feature?: string;
  requiredPlan?: string;
}

/** Thrown by use cases; the error handler turns it into problem+json with the status from the table. */
export class AppError extends Error {
  readonly status: number;
  constructor(
    readonly code: ErrorCode,
    message: string,
    readonly extras: AppErrorExtras = {},
  ) {
    super(message);
    this.name = 'AppError';
    this.status = ERROR_CODES[code];
  }
}

export const notFound = (what: string) => new AppError('NOT_FOUND', `${what} not found`);

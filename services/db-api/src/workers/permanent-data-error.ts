import { Prisma } from '@vocalia/db';

// PostgreSQL class 22 (data exception): the same values fail the same way on every retry.
const DATA_EXCEPTIONS: Record<string, string> = {
  '22001': 'a value is too long for its column',
  '22003': 'a number is out of range',
  '22007': 'a date or time is malformed',
  '22008': 'a date or time is out of range',
  '22021': 'a text contains a NUL or a byte sequence that is not UTF-8',
  '22P02': 'a value does not parse as its column type',
  '22P05': 'a text contains a character the database cannot store',
};

// Prisma's own refusals of the values themselves (too long, wrong type, missing, out of range).
const PRISMA_DATA_ERRORS = new Set(['P2000', 'P2006', 'P2007', 'P2011', 'P2012', 'P2019', 'P2020', 'P2023']);

/** The SQLSTATE of a PostgreSQL error as the driver adapter reports it through Prisma. */
function sqlStateOf(err: unknown): string | undefined {
  const e = err as { meta?: { driverAdapterError?: { cause?: { originalCode?: unknown } } }; cause?: { originalCode?: unknown } } | null;
  const code = e?.meta?.driverAdapterError?.cause?.originalCode ?? e?.cause?.originalCode;
  return typeof code === 'string' ? code : undefined;
}

/** Why a job failing with `err` can never succeed (kept as a dead letter, not retried), or undefined for a failure worth retrying. */
export function permanentDataError(err: unknown): string | undefined {
  const state = sqlStateOf(err);
  if (state?.startsWith('22')) return `PostgreSQL data exception ${state}: ${DATA_EXCEPTIONS[state] ?? 'the data is refused'}`;
  if (state === '23502') return 'PostgreSQL 23502: a required value is missing';
  if (err instanceof Prisma.PrismaClientValidationError) return 'the job data does not fit the database schema';
  if (err instanceof Prisma.PrismaClientKnownRequestError && PRISMA_DATA_ERRORS.has(err.code)) return `Prisma ${err.code}: the data is refused`;
  return undefined;
}

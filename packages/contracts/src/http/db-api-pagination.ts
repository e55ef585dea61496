import { z } from 'zod';

const FIRST_STORABLE = Date.parse('0001-01-01T00:00:00.000Z');
const LAST_STORABLE = Date.parse('9999-12-31T23:59:59.999Z');

/** A date PostgreSQL and every client can store and print: years 0001 to 9999 (UTC). */
export function isStorableDate(date: Date): boolean {
  const time = date.getTime();
  return time >= FIRST_STORABLE && time <= LAST_STORABLE;
}

/** Query-string date bound: an ISO date (`2026-01-31`, midnight UTC) or an ISO date-time with offset, years 0001-9999. */
export const QueryDate = z
  .union([z.iso.datetime({ offset: true }), z.iso.date()])
  .transform((s) => new Date(s))
  .refine(isStorableDate, 'must be a date between 0001-01-01 and 9999-12-31');

const MAX_BIGINT = 2n ** 63n - 1n;

/** A position in a bigint sequence (`nextCursor` of a previous page): digits, within PostgreSQL's bigint. */
export const SeqCursor = z
  .string()
  .refine((s) => /^\d{1,19}$/.test(s) && BigInt(s) <= MAX_BIGINT, 'must be a cursor returned by a previous page');

import { isStorableDate } from '@vocalia/contracts';
import { AppError } from '@vocalia/service-kit';

/** Position after the last row of a page ordered by (time DESC, id DESC); opaque to clients. */
export interface PageCursor {
  at: Date;
  id: string;
}

// Row ids are cuids; anything else in a cursor was not written by this API.
const ROW_ID = /^[\w-]{1,128}$/;

export function encodeCursor(cursor: PageCursor): string {
  return Buffer.from(JSON.stringify([cursor.at.toISOString(), cursor.id])).toString('base64url');
}

export function decodeCursor(raw: string | undefined): PageCursor | undefined {
  if (raw === undefined) return undefined;
  try {
    const [at, id] = JSON.parse(Buffer.from(raw, 'base64url').toString('utf8')) as unknown[];
    const date = new Date(String(at));
    if (typeof id === 'string' && ROW_ID.test(id) && isStorableDate(date)) return { at: date, id };
  } catch {
    // fall through: any undecodable cursor is the client's mistake
  }
  throw new AppError('VALIDATION_FAILED', 'query.cursor: not a cursor from this API', {
    errors: [{ path: 'query.cursor', message: 'not a cursor from this API; pass nextCursor back unchanged' }],
  });
}

type AfterClause<F extends string> = { [K in F]: { lt: Date } } | ({ [K in F]: Date } & { id: { lt: string } });

/** Prisma `where` fragment: rows strictly after the cursor in (field DESC, id DESC) order. */
export function afterCursor<F extends string>(field: F, cursor: PageCursor | undefined): { OR?: AfterClause<F>[] } {
  if (!cursor) return {};
  const before = { [field]: { lt: cursor.at } } as { [K in F]: { lt: Date } };
  const tie = { [field]: cursor.at, id: { lt: cursor.id } } as { [K in F]: Date } & { id: { lt: string } };
  return { OR: [before, tie] };
}

/** Fetch limit+1 rows; this cuts the page and builds the next cursor from its last row. */
export function toPage<T extends { id: string }>(rows: T[], limit: number, timeOf: (row: T) => Date): { items: T[]; nextCursor: string | null } {
  const items = rows.slice(0, limit);
  const last = items.at(-1);
  const nextCursor = rows.length > limit && last ? encodeCursor({ at: timeOf(last), id: last.id }) : null;
  return { items, nextCursor };
}

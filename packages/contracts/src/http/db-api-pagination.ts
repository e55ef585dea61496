import { z } from 'zod';

/** Query-string date bound: an ISO date (`2026-01-31`, midnight UTC) or an ISO date-time with offset. */
export const QueryDate = z.union([z.iso.datetime({ offset: true }), z.iso.date()]).transform((s) => new Date(s));

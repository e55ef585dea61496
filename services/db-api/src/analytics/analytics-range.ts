import type { AnalyticsQuery } from '@vocalia/contracts';
import { AppError } from '@vocalia/service-kit';

const DAY_MS = 86_400_000;
const DEFAULT_DAYS = 30;
const MAX_DAYS = 366;

const startOfUtcDay = (date: Date) => new Date(Date.UTC(date.getUTCFullYear(), date.getUTCMonth(), date.getUTCDate()));

/** Whole UTC days: `to` defaults to the end of today, `from` to 30 days before `to`. */
export function analyticsRange(query: AnalyticsQuery, now: Date): { from: Date; to: Date; days: string[] } {
  const to = query.to ? startOfUtcDay(new Date(query.to.getTime() + DAY_MS - 1)) : new Date(startOfUtcDay(now).getTime() + DAY_MS);
  const from = query.from ? startOfUtcDay(query.from) : new Date(to.getTime() - DEFAULT_DAYS * DAY_MS);
  if (to.getTime() - from.getTime() > MAX_DAYS * DAY_MS) {
    throw new AppError('VALIDATION_FAILED', `query.from: at most ${MAX_DAYS} days before to`, { errors: [{ path: 'query.from', message: `at most ${MAX_DAYS} days before to` }] });
  }
  const days: string[] = [];
  for (let t = from.getTime(); t < to.getTime(); t += DAY_MS) days.push(new Date(t).toISOString().slice(0, 10));
  return { from, to, days };
}

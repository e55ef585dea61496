import { Channel, type AnalyticsQuery, type AnalyticsResponse } from '@vocalia/contracts';
import type { Deps } from '../deps';
import { analyticsRange } from './analytics-range';
import { readAnswers } from './read-answers';

type ChannelName = AnalyticsResponse['days'][number]['byChannel'] extends Record<infer K, number> ? K : never;
const CHANNELS = Channel.options as ChannelName[];
const TOP = 10;

const zeroChannels = () => Object.fromEntries(CHANNELS.map((c) => [c, 0])) as Record<ChannelName, number>;

/** The dashboard's analytics page in one read: every figure scoped to the tenant and to [from, to). */
export async function readAnalytics(deps: Deps, tenantId: string, query: AnalyticsQuery): Promise<AnalyticsResponse> {
  const { from, to, days } = analyticsRange(query, deps.clock());
  const inRange = { gte: from, lt: to };
  const [perDay, handoffs, messages, leads, bookings, languages, intents, usage, answers] = await Promise.all([
    deps.prisma.$queryRaw<{ day: string; channel: ChannelName; count: number }[]>`
      SELECT to_char(started_at AT TIME ZONE 'UTC', 'YYYY-MM-DD') AS day, channel::text AS channel, count(*)::int AS count
      FROM conversations WHERE tenant_id = ${tenantId} AND started_at >= ${from} AND started_at < ${to}
      GROUP BY 1, 2`,
    deps.prisma.conversation.count({ where: { tenantId, startedAt: inRange, status: 'handoff' } }),
    deps.prisma.message.count({ where: { tenantId, createdAt: inRange } }),
    deps.prisma.lead.groupBy({ by: ['status'], where: { tenantId, createdAt: inRange }, _count: { _all: true } }),
    deps.prisma.booking.count({ where: { tenantId, createdAt: inRange } }),
    deps.prisma.conversation.groupBy({ by: ['language'], where: { tenantId, startedAt: inRange }, _count: { _all: true } }),
    deps.prisma.message.groupBy({ by: ['intent'], where: { tenantId, createdAt: inRange, role: 'user', intent: { not: null } }, _count: { _all: true } }),
    deps.prisma.usageRecord.groupBy({ by: ['kind'], where: { tenantId, at: inRange, kind: { in: ['voice_seconds', 'telephony_seconds'] } }, _sum: { quantity: true } }),
    readAnswers(deps, tenantId, from, to),
  ]);
  const byDay = new Map(days.map((date) => [date, zeroChannels()]));
  for (const row of perDay) {
    const counts = byDay.get(row.day);
    if (counts) counts[row.channel] = row.count;
  }
  const funnel = { new: 0, contacted: 0, qualified: 0, won: 0, lost: 0 };
  for (const row of leads) funnel[row.status] = row._count._all;
  const secondsOf = (kind: string) => Number(usage.find((u) => u.kind === kind)?._sum.quantity ?? 0);
  const dayRows = days.map((date) => {
    const byChannel = byDay.get(date) ?? zeroChannels();
    return { date, byChannel, total: Object.values(byChannel).reduce((a, b) => a + b, 0) };
  });
  return {
    from: from.toISOString(),
    to: to.toISOString(),
    days: dayRows,
    totals: { conversations: dayRows.reduce((a, d) => a + d.total, 0), messages, handoffs, leads: Object.values(funnel).reduce((a, b) => a + b, 0), bookings },
    leadFunnel: funnel,
    languages: languages.map((l) => ({ language: l.language, count: l._count._all })).sort((a, b) => b.count - a.count),
    intents: intents
      .map((i) => ({ intent: i.intent ?? '', count: i._count._all }))
      .sort((a, b) => b.count - a.count)
      .slice(0, TOP),
    ...answers,
    minutes: { voice: Math.ceil(secondsOf('voice_seconds') / 60), telephony: Math.ceil(secondsOf('telephony_seconds') / 60) },
  };
}

import type { AnalyticsResponse } from '@vocalia/contracts';
import type { Deps } from '../deps';

const TOP_UNANSWERED = 10;

/**
 * Assistant turns by answer kind, and the visitor questions behind the "unknown" ones (the user row
 * of the same turn: its event id ends in `:user` where the answer's ends in `:assistant`).
 */
export async function readAnswers(deps: Deps, tenantId: string, from: Date, to: Date): Promise<Pick<AnalyticsResponse, 'answers' | 'unanswered'>> {
  const [kinds, unanswered] = await Promise.all([
    deps.prisma.message.groupBy({ by: ['answerKind'], where: { tenantId, role: 'assistant', createdAt: { gte: from, lt: to }, answerKind: { not: null } }, _count: { _all: true } }),
    deps.prisma.$queryRaw<{ question: string; count: number; last_asked_at: Date }[]>`
      SELECT min(q.text) AS question, count(*)::int AS count, max(q.created_at) AS last_asked_at
      FROM messages a
      JOIN messages q ON q.tenant_id = a.tenant_id AND q.event_id = left(a.event_id, length(a.event_id) - length(':assistant')) || ':user'
      WHERE a.tenant_id = ${tenantId} AND a.role = 'assistant' AND a.answer_kind = 'unknown' AND a.created_at >= ${from} AND a.created_at < ${to}
      GROUP BY lower(regexp_replace(btrim(q.text), '\\s+', ' ', 'g'))
      ORDER BY count DESC, last_asked_at DESC
      LIMIT ${TOP_UNANSWERED}`,
  ]);
  const count = (kind: string) => kinds.find((k) => k.answerKind === kind)?._count._all ?? 0;
  const answers = { grounded: count('grounded'), unknown: count('unknown'), handoff: count('handoff'), other: count('other') };
  const asked = answers.grounded + answers.unknown;
  return {
    answers: { ...answers, answerRate: asked ? answers.grounded / asked : null },
    unanswered: unanswered.map((u) => ({ question: u.question, count: u.count, lastAskedAt: u.last_asked_at.toISOString() })),
  };
}

import { AnalyticsQuery, AnalyticsResponse } from '@vocalia/contracts';
import type { RouteDoc } from '../http/route-doc';

export const analyticsRouteDocs: RouteDoc[] = [
  {
    method: 'get',
    path: '/api/v1/analytics',
    tag: 'Analytics',
    query: AnalyticsQuery,
    summary: 'Conversations per UTC day by channel, hand-offs, answer rate and top unanswered questions, lead funnel, languages, top intents and voice minutes over [from, to) (default: the last 30 days)',
    status: 200,
    response: AnalyticsResponse,
  },
];

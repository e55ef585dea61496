import { UsageResponse } from '@vocalia/contracts';
import type { RouteDoc } from '../http/route-doc';

export const usageRouteDocs: RouteDoc[] = [
  { method: 'get', path: '/api/v1/usage', tag: 'Usage', summary: 'This period: voice and telephony minutes (with cost), conversations, API calls, knowledge bytes, agents, each beside its quota; and live voice sessions and calls beside the concurrency allowed', status: 200, response: UsageResponse },
];

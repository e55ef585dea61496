import { ConversationDetail, ConversationListQuery, ConversationPage } from '@vocalia/contracts';
import type { RouteDoc } from '../http/route-doc';

const tag = 'Conversations';

export const conversationRouteDocs: RouteDoc[] = [
  { method: 'get', path: '/api/v1/conversations', tag, query: ConversationListQuery, summary: 'Conversations, newest first; filters channel, status, from/to (start date), minLeadScore', status: 200, response: ConversationPage },
  { method: 'get', path: '/api/v1/conversations/:id', tag, resource: 'conversation', summary: 'One conversation: transcript, lead (BANT) and bookings', status: 200, response: ConversationDetail },
];

import { AgentListResponse, AgentResponse, CreateAgentRequest, UpdateAgentRequest } from '@vocalia/contracts';
import type { RouteDoc } from '../http/route-doc';

const tag = 'Agents';
const manage = ['owner', 'admin'] as RouteDoc['roles'];

export const agentRouteDocs: RouteDoc[] = [
  { method: 'get', path: '/api/v1/agents', tag, summary: "The tenant's agents, default first", status: 200, response: AgentListResponse },
  { method: 'post', path: '/api/v1/agents', tag, roles: manage, idempotent: true, summary: 'Create an agent (plan quota; the first one is the default)', body: CreateAgentRequest, status: 201, response: AgentResponse, errors: [409] },
  { method: 'get', path: '/api/v1/agents/:id', tag, resource: 'agent', summary: 'One agent', status: 200, response: AgentResponse },
  { method: 'patch', path: '/api/v1/agents/:id', tag, roles: manage, resource: 'agent', summary: 'Change the fields sent (isDefault: true moves the default here)', body: UpdateAgentRequest, status: 200, response: AgentResponse, errors: [409] },
  { method: 'put', path: '/api/v1/agents/:id', tag, roles: manage, resource: 'agent', summary: 'Same as PATCH: change the fields sent', body: UpdateAgentRequest, status: 200, response: AgentResponse, errors: [409] },
  { method: 'delete', path: '/api/v1/agents/:id', tag, roles: manage, resource: 'agent', summary: 'Delete an agent (the oldest remaining one becomes the default)', status: 204, response: null },
];

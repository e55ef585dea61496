import { AddOriginRequest, AllowedOriginView, OriginList } from '@vocalia/contracts';
import type { RouteDoc } from '../http/route-doc';

const tag = 'Allowed origins';

export const originRouteDocs: RouteDoc[] = [
  { method: 'get', path: '/api/v1/origins', tag, summary: 'Origins allowed to embed the widget', status: 200, response: OriginList },
  { method: 'post', path: '/api/v1/origins', tag, roles: ['owner', 'admin'], summary: 'Allow an origin (scheme://host[:port])', body: AddOriginRequest, status: 201, response: AllowedOriginView, errors: [409] },
  { method: 'delete', path: '/api/v1/origins/:id', tag, roles: ['owner', 'admin'], summary: 'Remove an allowed origin', status: 204, response: null, resource: 'origin' },
];

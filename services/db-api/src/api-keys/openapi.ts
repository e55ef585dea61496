import { ApiKeyList, CreateApiKeyRequest, CreatedApiKey, RotateApiKeyRequest, RotatedApiKey } from '@vocalia/contracts';
import type { RouteDoc } from '../http/route-doc';

const tag = 'API keys';
const manage: RouteDoc['roles'] = ['owner', 'admin'];

export const apiKeyRouteDocs: RouteDoc[] = [
  { method: 'get', path: '/api/v1/api-keys', tag, summary: 'Usable API keys (prefix only)', status: 200, response: ApiKeyList },
  { method: 'post', path: '/api/v1/api-keys', tag, roles: manage, summary: 'Create an API key; the full key is shown once (plan feature api_access, else 403 PLAN_REQUIRED)', body: CreateApiKeyRequest, status: 201, response: CreatedApiKey, errors: [403] },
  { method: 'delete', path: '/api/v1/api-keys/:id', tag, roles: manage, summary: 'Revoke an API key at once', status: 204, response: null, resource: 'api_key' },
  { method: 'post', path: '/api/v1/api-keys/:id/rotate', tag, roles: manage, summary: 'Issue a replacement key; the old one works until the grace period ends (plan feature api_access)', body: RotateApiKeyRequest, status: 201, response: RotatedApiKey, resource: 'api_key', errors: [403] },
];

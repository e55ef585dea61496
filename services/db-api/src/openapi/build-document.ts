import { z } from 'zod';
import { createDocument, type ZodOpenApiOperationObject, type ZodOpenApiPathsObject, type ZodOpenApiResponsesObject } from 'zod-openapi';
import { IdempotencyKey, Problem, PROBLEM_CONTENT_TYPE } from '@vocalia/contracts';
import type { RouteDoc } from '../http/route-doc';

const ProblemBody = Problem.meta({ id: 'Problem', description: 'RFC 9457 problem details' });

const ERROR_DESCRIPTIONS: Record<number, string> = {
  400: 'Invalid input: `errors` names each field',
  401: 'Missing, expired, forged or revoked credential',
  402: 'A monthly quota of the plan is used up (QUOTA_EXCEEDED) or the account is restricted (ACCOUNT_RESTRICTED)',
  403: 'Role too low (FORBIDDEN) or plan lacks the feature (PLAN_REQUIRED, with `feature` and `requiredPlan`)',
  404: "Not found, or another tenant's resource",
  409: 'Conflict with the current state',
  413: 'Body too large',
  415: 'No JSON body was read: send it with Content-Type: application/json',
  429: 'Too many attempts; see Retry-After',
  502: 'The phone provider (Twilio) refused or did not answer',
  503: 'A dependency is unavailable',
};

/** `/api/v1/agents/:id` -> `/api/v1/agents/{id}`. */
export function openApiPath(path: string): string {
  return path.replace(/:([A-Za-z0-9_]+)/g, '{$1}');
}

function pathParams(doc: RouteDoc): z.ZodObject | undefined {
  if (doc.params) return doc.params;
  const names = [...doc.path.matchAll(/:([A-Za-z0-9_]+)/g)].map((m) => m[1] as string);
  return names.length ? z.object(Object.fromEntries(names.map((n) => [n, z.string()]))) : undefined;
}

const IdempotencyHeader = z.object({
  'Idempotency-Key': IdempotencyKey.optional().meta({
    description: 'A new key per request: a retry with the same key and body within 24 hours gets the first answer (header Idempotent-Replayed: true) and runs nothing; another body is a 400, a retry while the first runs a 409',
  }),
});

function errorStatuses(doc: RouteDoc): number[] {
  const statuses = new Set<number>(doc.errors ?? []);
  if (doc.body || doc.query || doc.params || doc.idempotent) statuses.add(400);
  if (doc.body) statuses.add(415);
  if (doc.idempotent) for (const status of [409, 503]) statuses.add(status);
  if (doc.auth !== 'public') statuses.add(401);
  if (doc.roles || doc.feature) statuses.add(403);
  if (doc.path.includes(':')) statuses.add(404);
  return [...statuses].sort();
}

function operation(doc: RouteDoc): ZodOpenApiOperationObject {
  const responses: ZodOpenApiResponsesObject = {
    [String(doc.status)]: doc.response
      ? { description: doc.summary, content: { [doc.contentType ?? 'application/json']: { schema: doc.response } } }
      : { description: doc.summary },
  };
  for (const status of errorStatuses(doc)) {
    responses[`${status}` as `4${string}`] = { description: ERROR_DESCRIPTIONS[status] ?? 'Error', content: { [PROBLEM_CONTENT_TYPE]: { schema: ProblemBody } } };
  }
  const roles = doc.roles ? ` Roles: ${doc.roles.join(', ')}.` : '';
  const feature = doc.feature ? ` Plan feature: ${doc.feature}.` : '';
  return {
    operationId: `${doc.method}${openApiPath(doc.path).replace(/^\/api\/v1/, '').replace(/[^A-Za-z0-9]+(.)?/g, (_m, c?: string) => (c ? c.toUpperCase() : ''))}`,
    summary: doc.summary,
    description: `${doc.summary}.${roles}${feature}`,
    tags: [doc.tag],
    security: doc.auth === 'public' ? [] : [{ bearerJwt: [] }, { apiKey: [] }],
    requestParams: { ...(pathParams(doc) ? { path: pathParams(doc) } : {}), ...(doc.query ? { query: doc.query } : {}), ...(doc.idempotent ? { header: IdempotencyHeader } : {}) },
    requestBody: doc.body ? { required: true, content: { 'application/json': { schema: doc.body } } } : undefined,
    responses,
  };
}

/** The OpenAPI 3.1 document of db-api's public API, generated from the zod contracts of every route. */
export function buildOpenApiDocument(docs: RouteDoc[], serverUrl: string): ReturnType<typeof createDocument> {
  const paths: ZodOpenApiPathsObject = {};
  for (const doc of docs) {
    const key = openApiPath(doc.path);
    paths[key] = { ...paths[key], [doc.method]: operation(doc) };
  }
  return createDocument({
    openapi: '3.1.0',
    info: {
      title: 'VocalIA db-api',
      version: '1.0.0',
      description: 'Tenants, accounts, API keys, agents, knowledge, conversations, usage and audit. Errors are application/problem+json.',
    },
    servers: [{ url: serverUrl }],
    components: {
      securitySchemes: {
        bearerJwt: { type: 'http', scheme: 'bearer', bearerFormat: 'JWT', description: 'Dashboard access token (RS256, 15 min)' },
        apiKey: { type: 'http', scheme: 'bearer', bearerFormat: 'vk_<48 hex>', description: 'Tenant API key' },
      },
    },
    paths,
  });
}

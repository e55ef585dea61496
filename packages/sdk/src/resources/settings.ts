import { z } from 'zod';
import {
  AddOriginRequest,
  AllowedOriginView,
  ApiKeyList,
  AuditPage,
  AuditQuery,
  AuditVerification,
  ChangePlanRequest,
  CreateApiKeyRequest,
  CreatedApiKey,
  Feature,
  FeatureCheck,
  Invitation,
  InvitationList,
  InviteMemberRequest,
  Member,
  MemberList,
  OriginList,
  PlanCatalog,
  RotateApiKeyRequest,
  RotatedApiKey,
  TenantPlan,
  TenantSettings,
  UpdateMemberRequest,
  UpdateTenantRequest,
} from '@vocalia/contracts';
import type { HttpRequest, IdempotentOptions, QueryValue } from '../http';

const seg = encodeURIComponent;

export function tenantResource(request: HttpRequest) {
  return {
    get: () => request({ method: 'GET', path: '/api/v1/tenant', response: TenantSettings }),
    update: (input: z.input<typeof UpdateTenantRequest>) => request({ method: 'PATCH', path: '/api/v1/tenant', body: input, response: TenantSettings }),
  };
}

export function membersResource(request: HttpRequest) {
  return {
    list: () => request({ method: 'GET', path: '/api/v1/members', response: MemberList }),
    updateRole: (userId: string, input: z.input<typeof UpdateMemberRequest>) => request({ method: 'PATCH', path: `/api/v1/members/${seg(userId)}`, body: input, response: Member }),
    remove: (userId: string) => request({ method: 'DELETE', path: `/api/v1/members/${seg(userId)}`, response: null }),
  };
}

/** Invitations (owners and admins): the invitee accepts through auth.acceptInvitation or auth.acceptInvitationWithPassword. */
export function invitationsResource(request: HttpRequest) {
  return {
    list: () => request({ method: 'GET', path: '/api/v1/invitations', response: InvitationList }),
    create: (input: z.input<typeof InviteMemberRequest>, opts: IdempotentOptions = {}) => request({ method: 'POST', path: '/api/v1/invitations', body: input, response: Invitation, ...opts }),
    revoke: (id: string) => request({ method: 'DELETE', path: `/api/v1/invitations/${seg(id)}`, response: null }),
  };
}

export function apiKeysResource(request: HttpRequest) {
  return {
    list: () => request({ method: 'GET', path: '/api/v1/api-keys', response: ApiKeyList }),
    create: (input: z.input<typeof CreateApiKeyRequest>) => request({ method: 'POST', path: '/api/v1/api-keys', body: input, response: CreatedApiKey }),
    revoke: (id: string) => request({ method: 'DELETE', path: `/api/v1/api-keys/${seg(id)}`, response: null }),
    rotate: (id: string, input: z.input<typeof RotateApiKeyRequest> = {}) => request({ method: 'POST', path: `/api/v1/api-keys/${seg(id)}/rotate`, body: input, response: RotatedApiKey }),
  };
}

export function originsResource(request: HttpRequest) {
  return {
    list: () => request({ method: 'GET', path: '/api/v1/origins', response: OriginList }),
    add: (origin: z.input<typeof AddOriginRequest>['origin']) => request({ method: 'POST', path: '/api/v1/origins', body: { origin }, response: AllowedOriginView }),
    remove: (id: string) => request({ method: 'DELETE', path: `/api/v1/origins/${seg(id)}`, response: null }),
  };
}

export function plansResource(request: HttpRequest) {
  return {
    catalog: () => request({ method: 'GET', path: '/api/v1/plans', response: PlanCatalog, anonymous: true }),
    current: () => request({ method: 'GET', path: '/api/v1/plan', response: TenantPlan }),
    change: (plan: z.input<typeof ChangePlanRequest>['plan']) => request({ method: 'PUT', path: '/api/v1/plan', body: { plan }, response: TenantPlan }),
    /** Resolves when the plan grants the feature; throws VocaliaApiError (403 PLAN_REQUIRED, with `requiredPlan`) otherwise. */
    checkFeature: (feature: Feature) => request({ method: 'GET', path: `/api/v1/features/${seg(feature)}`, response: FeatureCheck }),
  };
}

export function auditResource(request: HttpRequest) {
  return {
    list: (query: { [K in keyof z.input<typeof AuditQuery>]?: QueryValue } = {}) => request({ method: 'GET', path: '/api/v1/audit', query, response: AuditPage }),
    verify: () => request({ method: 'GET', path: '/api/v1/audit/verify', response: AuditVerification }),
  };
}

export const OpenApiDocument = z.record(z.string(), z.unknown());

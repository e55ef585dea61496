import type { ApiError } from './api-error';

export interface FailureContext {
  tenantId: string;
  apiBase: string;
  origin: string;
}

/** What the integrator reads in the console when /config refuses or fails: the problem, then the fix. */
export function configFailureMessage(error: ApiError, ctx: FailureContext): [problem: string, fix: string] {
  const hidden = 'The widget stays hidden until this is fixed.';
  const detail = error.detail ? ` Server said: "${error.detail}"` : '';
  if (error.code === 'ORIGIN_NOT_ALLOWED') {
    return [`this page's origin ${ctx.origin} is not allowed for tenant "${ctx.tenantId}".${detail}`, `Add ${ctx.origin} to the tenant's allowed origins (VocalIA Dashboard > Settings > Allowed origins). ${hidden}`];
  }
  if (error.status === 404) {
    return [`tenant "${ctx.tenantId}" is unknown to ${ctx.apiBase}.${detail}`, `Check data-vocalia-tenant in your snippet (VocalIA Dashboard > Install widget). ${hidden}`];
  }
  if (error.status === 0) {
    return [
      `could not reach ${ctx.apiBase}/config (${error.detail}).`,
      `If the console also shows a CORS error, add ${ctx.origin} to the tenant's allowed origins; otherwise check the script URL or data-vocalia-api. ${hidden}`,
    ];
  }
  return [`${ctx.apiBase}/config refused tenant "${ctx.tenantId}" (${error.status} ${error.code}).${detail}`, hidden];
}

export const MISSING_TENANT: [string, string] = [
  'no tenant id found.',
  'Add data-vocalia-tenant="<your tenant id>" to the script tag, or set window.VocaliaConfig = { tenantId: "..." } before it, or add <meta name="vocalia-tenant" content="...">.',
];

import { AsyncLocalStorage } from 'node:async_hooks';
import type { Response } from 'express';

export interface RequestContext {
  requestId: string;
  tenantId?: string;
  callSid?: string;
  /** The HTTP response of the request, so the last-resort guard can answer it when its code crashed. */
  response?: Response;
}

const storage = new AsyncLocalStorage<RequestContext>();

export function runWithContext<T>(ctx: RequestContext, fn: () => T): T {
  return storage.run(ctx, fn);
}

export function currentContext(): RequestContext | undefined {
  return storage.getStore();
}

/** Attach the tenant once the credential is known, so every later log line carries it. */
export function setContextTenant(tenantId: string): void {
  const ctx = storage.getStore();
  if (ctx) ctx.tenantId = tenantId;
}

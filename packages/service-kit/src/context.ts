import { AsyncLocalStorage, AsyncResource } from 'node:async_hooks';
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

/**
 * `fn`, called later from anywhere, runs in the async context of this call (request id, tenant, trace).
 * What AsyncResource.bind does, without the deprecation getter bind builds on every call (hot paths call this per request).
 */
export function bindToCurrentContext<A extends unknown[], R>(name: string, fn: (...args: A) => R, thisArg?: unknown): (...args: A) => R {
  const scope = new AsyncResource(name);
  return (...args: A) => scope.runInAsyncScope(fn, thisArg, ...args);
}

import type { OwnServices } from './own-services';

/** The Redis and PostgreSQL this file's environment started (test/support/fault-environment.ts). */
export function ownServices(): OwnServices {
  const services = (globalThis as { __faultServices?: OwnServices }).__faultServices;
  if (!services) throw new Error('fault suite: run under test/support/fault-environment.ts (see jest.config.js)');
  return services;
}

import type { EnvironmentContext, JestEnvironmentConfig } from '@jest/environment';
import NodeEnvironment from 'jest-environment-node';
import { startOwnServices, type OwnServices } from './own-services';

/**
 * Each test file runs against a redis-server and an embedded PostgreSQL of its own, started before
 * the file's modules load: REDIS_URL and DATABASE_URL point at them, so the e2e support code (which
 * reads them once) builds its fleets there. The file reaches them through `ownServices()` to break them.
 */
export default class FaultEnvironment extends NodeEnvironment {
  private services: OwnServices | undefined;

  constructor(config: JestEnvironmentConfig, context: EnvironmentContext) {
    super(config, context);
  }

  override async setup(): Promise<void> {
    await super.setup();
    this.services = await startOwnServices();
    this.global.process.env.REDIS_URL = this.services.redis.url;
    this.global.process.env.DATABASE_URL = this.services.postgres.url;
    (this.global as { __faultServices?: OwnServices }).__faultServices = this.services;
  }

  override async teardown(): Promise<void> {
    await this.services?.close();
    await super.teardown();
  }
}

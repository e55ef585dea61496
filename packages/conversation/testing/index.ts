/** Test doubles for any channel built on the turn runtime: db-api's internal reads, a scripted engine, tenant fixtures. */
export { eventually } from './eventually';
export { FakeDbApi, INTERNAL_TOKEN } from './fake-db-api';
export { snapshotFor, type TenantFixture } from './fixtures';
export { ScriptedEngine } from './scripted-engine';
export { testLogger } from './test-logger';
export { startRuntimeHarness, waitReady, REDIS_URL, type RuntimeHarness } from './runtime-harness';
export { recordSocketWrites, type SocketWrites } from './socket-writes';

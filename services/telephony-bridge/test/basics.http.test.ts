import path from 'node:path';
import { describeServiceBasics } from '@vocalia/service-kit/testing';
import { createApp } from '../src/app';
import { startHarness, type Harness } from './support/harness';

let h: Harness;
beforeAll(async () => {
  h = await startHarness('basics');
});
afterAll(() => h.close());

// Readiness follows the Redis handed in; the rest of the wiring is the harness's.
describeServiceBasics('telephony-bridge', path.join(__dirname, '../src/main.ts'), (redis) => createApp({ ...h.composed.deps, redis }));

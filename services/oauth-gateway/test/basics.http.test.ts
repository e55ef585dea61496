import { randomBytes } from 'node:crypto';
import path from 'node:path';
import { createLogger } from '@vocalia/service-kit';
import { describeServiceBasics } from '@vocalia/service-kit/testing';
import { createApp } from '../src/app';
import { buildDeps } from '../src/build-deps';
import { parseServiceEnv } from '../src/env';

const logger = createLogger('oauth-gateway', 'silent');
const { deps, closers } = buildDeps(parseServiceEnv({ NODE_ENV: 'test' }), logger, { queuePrefix: `test-gw-${randomBytes(4).toString('hex')}` });
afterAll(() => Promise.all(closers.map((c) => c.close())));

describeServiceBasics('oauth-gateway', path.join(__dirname, '../src/main.ts'), (redis) => createApp({ ...deps, redis }));

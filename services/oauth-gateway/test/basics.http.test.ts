import path from 'node:path';
import { createLogger } from '@vocalia/service-kit';
import { describeServiceBasics } from '@vocalia/service-kit/testing';
import { createApp } from '../src/app';

const logger = createLogger('oauth-gateway', 'silent');

describeServiceBasics('oauth-gateway', path.join(__dirname, '../src/main.ts'), (redis) => createApp({ logger, redis }));

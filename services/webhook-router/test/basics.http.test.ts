import path from 'node:path';
import { createLogger } from '@vocalia/service-kit';
import { describeServiceBasics } from '@vocalia/service-kit/testing';
import { createApp } from '../src/app';

const logger = createLogger('webhook-router', 'silent');

describeServiceBasics('webhook-router', path.join(__dirname, '../src/main.ts'), (redis) => createApp({ logger, redis }));

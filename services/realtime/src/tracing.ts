import { startTracing } from '@vocalia/service-kit/src/tracing';

// Imported first by main.ts: instrumentation patches http, express, ioredis and pg only if it runs before they load.
startTracing('realtime');

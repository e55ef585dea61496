/** In-process use of telephony-bridge (the benchmark, the fleet's end-to-end tests): the same pieces main.ts wires. */
export { createApp, type Deps } from './app';
export { composeTelephonyBridge, type ComposeOptions, type Composed } from './compose';
export { createOutboundWorker } from './outbound/outbound-worker';
export { createCallStore, type CallState, type CallStore } from './calls/call-store';
export { attachMediaStreams, STREAM_PATH } from './stream/stream-server';
export type { StreamDeps } from './stream/stream-opening';
export { createStreamTokens, type StreamTokens } from './stream/stream-token';

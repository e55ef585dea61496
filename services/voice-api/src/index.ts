/** In-process use of voice-api (the benchmark, cross-service tests): the same wiring main.ts does. */
export { createApp, type Deps } from './app';
export { composeVoiceApi, type ComposeOptions, type Composed } from './compose';

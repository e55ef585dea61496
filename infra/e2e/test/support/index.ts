export * from './start-fleet';
export * from './integrator';
export * from './knowledge-base';
export * from './voice-client';
export * from './fake-openai';
export * from './eventually';
export * from './browser';
export * from './static-site';

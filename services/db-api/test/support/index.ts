export * from './start-test-app';
export * from './auth-header';
export * from './problem';

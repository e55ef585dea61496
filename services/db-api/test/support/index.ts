export * from './start-test-app';
export * from './auth-header';
export * from './problem';
export * from './mounted-routes';
export * from './tenant-updates';
export * from './add-member';
export * from './tenant-resources';
export * from './mailbox';

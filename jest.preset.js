/**
 * Shared jest settings: TypeScript through swc, tests under test/, files run serially per package.
 * forceExit: a failed test that leaves a connection open must fail the run, not hang CI.
 */
module.exports = {
  testEnvironment: 'node',
  transform: { '^.+\\.(t|j)sx?$': ['@swc/jest', { jsc: { target: 'es2022', parser: { syntax: 'typescript' } }, module: { type: 'commonjs' } }] },
  testMatch: ['<rootDir>/test/**/*.test.ts'],
  testTimeout: 30000,
  maxWorkers: 1,
  forceExit: true,
};

/**
 * Every file gets its own redis-server and embedded PostgreSQL (test/support/fault-environment.ts).
 * Bounded everywhere: a test that hangs fails at its timeout, and the package's test script kills
 * the whole run after 4 minutes.
 */
module.exports = {
  ...require('../../jest.preset.js'),
  testEnvironment: '<rootDir>/test/support/fault-environment.ts',
  testTimeout: 60000,
  transformIgnorePatterns: ['/node_modules/(?!(\\.pnpm/)?(jose)[@/])'],
};

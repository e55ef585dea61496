/**
 * Each file starts its own fleet (database, queues, services, edge, maybe Chromium): give it room.
 * oauth-gateway's openid-client, oauth4webapi and jose ship ES modules only: swc turns them to CommonJS.
 */
module.exports = {
  ...require('../../jest.preset.js'),
  testTimeout: 60000,
  transformIgnorePatterns: ['/node_modules/(?!(\\.pnpm/)?(openid-client|oauth4webapi|jose)[@/])'],
};

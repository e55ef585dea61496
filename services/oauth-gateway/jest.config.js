/** openid-client, oauth4webapi and jose ship ES modules only: swc turns them to CommonJS like our own files. */
module.exports = {
  ...require('../../jest.preset.js'),
  transformIgnorePatterns: ['/node_modules/(?!(\\.pnpm/)?(openid-client|oauth4webapi|jose)[@/])'],
};

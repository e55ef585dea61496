/** Each file starts its own fleet (database, queues, services, edge, maybe Chromium): give it room. */
module.exports = { ...require('../../jest.preset.js'), testTimeout: 60000 };

// End-to-end: the four built services as OS processes on real Kafka, PostgreSQL and Redis.
const path = require('node:path');

module.exports = {
  ...require('../jest.preset'),
  displayName: 'e2e',
  rootDir: __dirname,
  testMatch: ['<rootDir>/src/**/*.e2e-spec.ts'],
  globalSetup: path.join(__dirname, '../libs/testing/src/global-setup.ts'),
  globalTeardown: path.join(__dirname, '../libs/testing/src/global-teardown.ts'),
  testTimeout: 120_000,
  maxWorkers: 1,
};

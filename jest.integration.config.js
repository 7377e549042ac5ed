// Integration tests: real Kafka, PostgreSQL and Redis (see libs/testing). Run serially on purpose:
// two cores, one broker, and each file already works in its own topics and schema.
const preset = require('./jest.preset');

module.exports = {
  ...preset,
  displayName: 'integration',
  rootDir: __dirname,
  roots: ['<rootDir>/libs', '<rootDir>/services'],
  testMatch: ['**/*.integration-spec.ts'],
  globalSetup: '<rootDir>/libs/testing/src/global-setup.ts',
  globalTeardown: '<rootDir>/libs/testing/src/global-teardown.ts',
  testTimeout: 60_000,
  maxWorkers: 1,
};

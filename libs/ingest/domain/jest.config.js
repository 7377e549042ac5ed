module.exports = {
  ...require('../../../jest.preset'),
  displayName: 'ingest-domain',
  rootDir: __dirname,
  testMatch: ['<rootDir>/src/**/*.spec.ts'],
};

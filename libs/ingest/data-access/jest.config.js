module.exports = {
  ...require('../../../jest.preset'),
  displayName: 'ingest-data-access',
  rootDir: __dirname,
  testMatch: ['<rootDir>/src/**/*.spec.ts'],
};

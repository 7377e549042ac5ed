module.exports = {
  ...require('../../../jest.preset'),
  displayName: 'clause-extraction-data-access',
  rootDir: __dirname,
  testMatch: ['<rootDir>/src/**/*.spec.ts'],
};

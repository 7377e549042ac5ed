module.exports = {
  ...require('../../../jest.preset'),
  displayName: 'alerting-data-access',
  rootDir: __dirname,
  testMatch: ['<rootDir>/src/**/*.spec.ts'],
};

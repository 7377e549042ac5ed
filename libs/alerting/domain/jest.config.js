module.exports = {
  ...require('../../../jest.preset'),
  displayName: 'alerting-domain',
  rootDir: __dirname,
  testMatch: ['<rootDir>/src/**/*.spec.ts'],
};

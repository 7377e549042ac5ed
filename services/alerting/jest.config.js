module.exports = {
  ...require('../../jest.preset'),
  displayName: 'alerting',
  rootDir: __dirname,
  testMatch: ['<rootDir>/src/**/*.spec.ts'],
};

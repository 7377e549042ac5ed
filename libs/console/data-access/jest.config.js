module.exports = {
  ...require('../../../jest.preset'),
  displayName: 'console-data-access',
  rootDir: __dirname,
  testMatch: ['<rootDir>/src/**/*.spec.ts'],
};

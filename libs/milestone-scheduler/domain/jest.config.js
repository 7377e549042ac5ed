module.exports = {
  ...require('../../../jest.preset'),
  displayName: 'milestone-scheduler-domain',
  rootDir: __dirname,
  testMatch: ['<rootDir>/src/**/*.spec.ts'],
};

module.exports = {
  ...require('../../../jest.preset'),
  displayName: 'milestone-scheduler-data-access',
  rootDir: __dirname,
  testMatch: ['<rootDir>/src/**/*.spec.ts'],
};

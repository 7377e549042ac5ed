module.exports = {
  ...require('../../jest.preset'),
  displayName: 'milestone-scheduler',
  rootDir: __dirname,
  testMatch: ['<rootDir>/src/**/*.spec.ts'],
};

module.exports = {
  ...require('../../jest.preset'),
  displayName: 'time',
  rootDir: __dirname,
  testMatch: ['<rootDir>/src/**/*.spec.ts'],
};

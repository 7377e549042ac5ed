module.exports = {
  ...require('../../jest.preset'),
  displayName: 'outbound',
  rootDir: __dirname,
  testMatch: ['<rootDir>/src/**/*.spec.ts'],
};

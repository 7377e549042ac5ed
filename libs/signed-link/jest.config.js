module.exports = {
  ...require('../../jest.preset'),
  displayName: 'signed-link',
  rootDir: __dirname,
  testMatch: ['<rootDir>/src/**/*.spec.ts'],
};

module.exports = {
  ...require('../../jest.preset'),
  displayName: 'extraction',
  rootDir: __dirname,
  testMatch: ['<rootDir>/src/**/*.spec.ts'],
};

module.exports = {
  ...require('../../jest.preset'),
  displayName: 'countries',
  rootDir: __dirname,
  testMatch: ['<rootDir>/src/**/*.spec.ts'],
};

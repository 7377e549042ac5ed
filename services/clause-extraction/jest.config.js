module.exports = {
  ...require('../../jest.preset'),
  displayName: 'clause-extraction',
  rootDir: __dirname,
  testMatch: ['<rootDir>/src/**/*.spec.ts'],
};

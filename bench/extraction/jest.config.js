module.exports = {
  ...require('../../jest.preset'),
  displayName: 'bench-extraction',
  rootDir: __dirname,
  testMatch: ['<rootDir>/**/*.spec.ts'],
};

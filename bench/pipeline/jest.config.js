module.exports = {
  ...require('../../jest.preset'),
  displayName: 'bench-pipeline',
  rootDir: __dirname,
  testMatch: ['<rootDir>/**/*.spec.ts'],
};

module.exports = {
  ...require('../../jest.preset'),
  displayName: 'bench-scheduler',
  rootDir: __dirname,
  testMatch: ['<rootDir>/**/*.spec.ts'],
};

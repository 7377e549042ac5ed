module.exports = {
  ...require('../../jest.preset'),
  displayName: 'bench-ingest',
  rootDir: __dirname,
  testMatch: ['<rootDir>/**/*.spec.ts'],
};

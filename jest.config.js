// Unit tests: pure logic, no infrastructure. One jest process runs every project's specs.
module.exports = {
  projects: [
    '<rootDir>/libs/*/jest.config.js',
    '<rootDir>/libs/*/*/jest.config.js',
    '<rootDir>/services/*/jest.config.js',
    '<rootDir>/bench/*/jest.config.js',
    '<rootDir>/tools/jest.config.js',
  ],
};

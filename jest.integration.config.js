// Integration tests: real PostgreSQL and the real Kafka broker (`*.int-spec.ts`). The global
// setup makes sure both answer before any suite starts.
const preset = require('./jest.preset.js');

module.exports = {
  ...preset,
  rootDir: '.',
  roots: ['<rootDir>/apps', '<rootDir>/libs'],
  testMatch: ['**/*.int-spec.ts'],
  testPathIgnorePatterns: ['/node_modules/', '<rootDir>/apps/e2e/'],
  globalSetup: '<rootDir>/libs/testing/src/global-setup.ts',
  globalTeardown: '<rootDir>/libs/testing/src/global-teardown.ts',
  testTimeout: 60000,
  maxWorkers: 1,
};

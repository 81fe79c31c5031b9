// Black-box journeys over HTTP against the whole running stack. The global setup runs the real
// `npm start` (unless E2E_USE_RUNNING_STACK=1 and a stack is up) and the teardown stops it.
module.exports = {
  displayName: 'e2e',
  preset: '../../jest.preset.js',
  rootDir: '.',
  testMatch: ['<rootDir>/src/**/*.e2e-spec.ts'],
  globalSetup: '<rootDir>/src/support/start-stack.ts',
  globalTeardown: '<rootDir>/src/support/stop-stack.ts',
  testTimeout: 60000,
  maxWorkers: 1,
};

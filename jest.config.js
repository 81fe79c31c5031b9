// Unit tests: pure logic, no I/O; `*.spec.ts` beside the code.
const preset = require('./jest.preset.js');

module.exports = {
  ...preset,
  rootDir: '.',
  roots: ['<rootDir>/apps', '<rootDir>/libs', '<rootDir>/tools'],
  testMatch: ['**/*.spec.ts'],
};

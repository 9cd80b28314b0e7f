/** @type {import('jest').Config} */
module.exports = {
  testEnvironment: 'node',
  roots: ['<rootDir>/__tests__'],
  testMatch: ['**/*.test.ts'],
  transform: {
    // tsconfig's isolatedModules makes ts-jest transpile each file alone (seconds, not minutes);
    // `tsc --noEmit` type-checks.
    '^.+\\.ts$': 'ts-jest',
  },
  testTimeout: 30000,
  // Installs the cvi provider once, before any test, and forbids installs during the run.
  globalSetup: '<rootDir>/__tests__/global-setup.ts',
};

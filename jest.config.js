/**
 * Jest runs the TypeScript sources as native ES modules through ts-jest.
 * Unit tests live beside the code (src/**\/*.test.ts); integration tests in test/.
 * @type {import('jest').Config}
 */
export default {
  extensionsToTreatAsEsm: ['.ts'],
  testEnvironment: 'node',
  roots: ['<rootDir>/src', '<rootDir>/test'],
  testMatch: ['**/*.test.ts'],
  moduleNameMapper: { '^(\\.{1,2}/.*)\\.js$': '$1' },
  transform: {
    '^.+\\.ts$': ['ts-jest', { useESM: true, tsconfig: 'tsconfig.json' }],
  },
  globalSetup: '<rootDir>/test/harness/global-setup.ts',
  globalTeardown: '<rootDir>/test/harness/global-teardown.ts',
  // Generous: a hang still fails, and a busy 2-core machine does not.
  testTimeout: 60000,
  maxWorkers: 2,
};

/**
 * Browser tests: the built server (serving the built client) on a free port with a
 * fresh data folder, driven by Debian's Chromium through playwright-core.
 * Build first: `cd client && npx ng build` and `npx tsc -b server/tsconfig.app.json`.
 */
module.exports = {
  displayName: 'e2e',
  rootDir: __dirname,
  testEnvironment: 'node',
  testMatch: ['<rootDir>/**/*.e2e.spec.ts'],
  transform: { '^.+\\.ts$': ['ts-jest', { tsconfig: '<rootDir>/tsconfig.json' }] },
  moduleNameMapper: { '^@tropa/contracts$': '<rootDir>/../libs/contracts/src/index.ts' },
  globalSetup: '<rootDir>/support/global-setup.cjs',
  globalTeardown: '<rootDir>/support/global-teardown.cjs',
  testTimeout: 60_000,
  maxWorkers: 1,
};

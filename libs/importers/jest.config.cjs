/** Unit tests of @tropa/importers: pure logic, no database. */
module.exports = {
  displayName: 'importers',
  rootDir: __dirname,
  testEnvironment: 'node',
  testMatch: ['<rootDir>/src/**/*.spec.ts'],
  transform: { '^.+\\.ts$': ['ts-jest', { tsconfig: '<rootDir>/tsconfig.spec.json' }] },
  moduleNameMapper: { '^@tropa/(.*)$': '<rootDir>/../$1/src/index.ts' },
};

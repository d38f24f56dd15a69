/** Client unit tests: components and stores with mocked HTTP (jest-preset-angular, zoneless). */
const { createCjsPreset } = require('jest-preset-angular/presets');

const preset = createCjsPreset({ tsconfig: '<rootDir>/tsconfig.spec.json' });

module.exports = {
  ...preset,
  displayName: 'client',
  rootDir: __dirname,
  // jest-environment-jsdom is not installed; jest-preset-angular ships a jsdom environment of its own.
  testEnvironment: 'jest-preset-angular/environments/jest-jsdom-env',
  setupFilesAfterEnv: ['<rootDir>/src/test-setup.ts'],
  testMatch: ['<rootDir>/src/**/*.spec.ts'],
  moduleNameMapper: { '^@tropa/contracts$': '<rootDir>/../libs/contracts/src/index.ts' },
};

/** Every unit and integration test project; browser tests run separately (e2e/jest.config.cjs). */
module.exports = {
  // testTimeout is a global option: the projects' own values are ignored in a multi-project run.
  testTimeout: 60000,
  testSequencer: '<rootDir>/tools/slow-first-sequencer.cjs',
  projects: [
    '<rootDir>/libs/contracts/jest.config.cjs',
    '<rootDir>/libs/synthesis/jest.config.cjs',
    '<rootDir>/libs/importers/jest.config.cjs',
    '<rootDir>/server/jest.config.cjs',
    '<rootDir>/client/jest.config.cjs',
  ],
};

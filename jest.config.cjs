/** Every unit and integration test project; browser tests run separately (e2e/jest.config.cjs). */
module.exports = {
  projects: [
    '<rootDir>/libs/contracts/jest.config.cjs',
    '<rootDir>/libs/synthesis/jest.config.cjs',
    '<rootDir>/libs/importers/jest.config.cjs',
    '<rootDir>/server/jest.config.cjs',
    '<rootDir>/client/jest.config.cjs',
  ],
};

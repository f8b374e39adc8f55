// `npm test` runs every project: unit specs beside the code, end-to-end suites in test/.
module.exports = {
  projects: [
    '<rootDir>/apps/*/jest.config.js',
    '<rootDir>/libs/*/jest.config.js',
    '<rootDir>/test/jest.config.js',
  ],
  maxWorkers: process.env.CI ? 2 : '50%',
  // A project's own testTimeout is not applied under `projects`; end-to-end hooks start a whole
  // Fleetscope, which takes seconds on a loaded 2-core machine.
  testTimeout: 60_000,
};

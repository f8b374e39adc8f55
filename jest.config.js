// `npm test` runs every project: unit specs beside the code, end-to-end suites in test/.
module.exports = {
  projects: [
    '<rootDir>/apps/*/jest.config.js',
    '<rootDir>/libs/*/jest.config.js',
    '<rootDir>/test/jest.config.js',
  ],
  maxWorkers: process.env.CI ? 2 : '50%',
};

module.exports = {
  ...require('../../jest.preset.js'),
  displayName: 'analysis-jobs',
  rootDir: __dirname,
  testMatch: ['<rootDir>/src/**/*.spec.ts'],
};

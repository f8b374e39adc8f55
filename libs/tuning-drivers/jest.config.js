module.exports = {
  ...require('../../jest.preset.js'),
  displayName: 'tuning-drivers',
  rootDir: __dirname,
  testMatch: ['<rootDir>/src/**/*.spec.ts'],
};

module.exports = {
  ...require('../../jest.preset.js'),
  displayName: 'analyzer',
  rootDir: __dirname,
  testMatch: ['<rootDir>/src/**/*.spec.ts'],
};

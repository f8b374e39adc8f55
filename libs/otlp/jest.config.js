module.exports = {
  ...require('../../jest.preset.js'),
  displayName: 'otlp',
  rootDir: __dirname,
  testMatch: ['<rootDir>/src/**/*.spec.ts'],
};

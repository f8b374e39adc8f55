module.exports = {
  ...require('../../jest.preset.js'),
  displayName: 'fleetscope',
  rootDir: __dirname,
  testMatch: ['<rootDir>/src/**/*.spec.ts'],
};

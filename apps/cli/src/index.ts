// What tests, benchmarks and `npm run demo` use of the CLI: the program and its commands.
export { buildProgram, type CommandRegistration } from './cli.program';
export * from './commands/import.command';
export { endpointsFrom, type FleetscopeEndpoints } from './fleetscope.client';
export * from './commands/replay.command';

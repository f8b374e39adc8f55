import { Command } from 'commander';
import { FLEETSCOPE_VERSION } from '@fleetscope/config';

/**
 * `fleetscope <command>`: each command is one file in ./commands that adds itself to the program.
 * Commands talk to a running Fleetscope over HTTP (`--url` or FLEETSCOPE_URL).
 */
export type CommandRegistration = (program: Command) => void;

export function buildProgram(commands: readonly CommandRegistration[]): Command {
  const program = new Command('fleetscope')
    .description('Fleetscope: observability and cost analysis for serverless fleets')
    .version(FLEETSCOPE_VERSION)
    .showHelpAfterError()
    .exitOverride();
  for (const register of commands) register(program);
  return program;
}

import { CommanderError } from 'commander';
import { buildProgram, type CommandRegistration } from './cli.program';
import { importCommand } from './commands/import.command';
import { replayCommand } from './commands/replay.command';
import { registerReport } from './commands/report.command';
import { registerTune } from './commands/tune.command';

// One line per command; each lives in ./commands/<name>.command.ts.
const commands: CommandRegistration[] = [
  registerTune,
  registerReport,
  importCommand,
  replayCommand,
];

buildProgram(commands)
  .parseAsync(process.argv)
  .catch((error: unknown) => {
    if (error instanceof CommanderError) {
      process.exitCode = error.exitCode;
      return;
    }
    process.stderr.write(`fleetscope: ${error instanceof Error ? error.message : String(error)}\n`);
    process.exitCode = 1;
  });

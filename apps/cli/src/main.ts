import { CommanderError } from 'commander';
import { buildProgram, type CommandRegistration } from './cli.program';
import { importCommand } from './commands/import.command';
import { replayCommand } from './commands/replay.command';
import { registerReport } from './commands/report.command';
import { registerTune } from './commands/tune.command';
import { forTerminal } from './terminal-text';

// One line per command; each lives in ./commands/<name>.command.ts.
const commands: CommandRegistration[] = [
  registerTune,
  registerReport,
  importCommand,
  replayCommand,
];

// `fleetscope report | head -1`: the reader has gone, so nothing written from here on is read.
// Stop quietly, as Unix tools do, rather than with an unhandled 'error' event and its stack.
process.stdout.on('error', (error: NodeJS.ErrnoException) => {
  if (error.code === 'EPIPE') process.exit(0);
  throw error;
});

buildProgram(commands)
  .parseAsync(process.argv)
  .catch((error: unknown) => {
    if (error instanceof CommanderError) {
      process.exitCode = error.exitCode;
      return;
    }
    process.stderr.write(
      `fleetscope: ${forTerminal(error instanceof Error ? error.message : String(error))}\n`,
    );
    process.exitCode = 1;
  });

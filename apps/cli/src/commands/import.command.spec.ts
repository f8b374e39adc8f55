import { buildProgram } from '../cli.program';
import { importCommand, parseDay } from './import.command';

/** What the CLI says of `--day <value>`, or undefined when it is accepted. */
async function dayRefusal(value: string): Promise<string | undefined> {
  const program = buildProgram([importCommand]);
  // Quiet: the error comes back as the rejection (exitOverride), and the message is checked there.
  for (const c of [program, ...program.commands, ...program.commands.flatMap((c) => c.commands)]) {
    c.configureOutput({ writeErr: () => undefined });
  }
  // A file that does not exist: an accepted --day gets as far as opening it.
  const error: unknown = await program
    .parseAsync(
      ['import', 'azure-functions', '--invocations', '/nonexistent/trace.csv', '--day', value],
      { from: 'user' },
    )
    .then(
      () => undefined,
      (e: unknown) => e,
    );
  const message = error instanceof Error ? error.message : '';
  return /--day/.test(message) ? message : undefined;
}

describe(parseDay.name, () => {
  it('takes a UTC day, an ISO-8601 time (no offset means UTC) or epoch ms', () => {
    expect(parseDay('2026-12-01')).toBe(Date.UTC(2026, 11, 1));
    expect(parseDay('2026-12-01T06:30')).toBe(Date.UTC(2026, 11, 1, 6, 30));
    expect(parseDay('2026-12-01T06:30:00+01:00')).toBe(Date.UTC(2026, 11, 1, 5, 30));
    expect(parseDay(String(Date.UTC(2026, 11, 1)))).toBe(Date.UTC(2026, 11, 1));
  });

  it('refuses --day values that are not a real day or an ISO-8601 time, naming the flag, instead of importing on another day', async () => {
    // Date.parse rolls 2026-02-30 over to 2 March, and reads "1.5" as 5 January 2001 local time.
    for (const value of ['2026-02-30', '2026-13-01', '1.5', '12/01/2026', 'December 1, 2026']) {
      expect(await dayRefusal(value)).toMatch(
        /option '--day <day>' argument '.*' is invalid\. expected a day \(2026-12-01\)/,
      );
    }
    expect(await dayRefusal('2026-12-01')).toBeUndefined();
  });
});

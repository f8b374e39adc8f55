import { writeFile } from 'node:fs/promises';
import { InvalidArgumentError, Option, type Command } from 'commander';
import {
  REPORT_FORMATS,
  demoSuffix,
  isWeekError,
  isoWeekOf,
  parseIsoWeek,
  previousIsoWeek,
  usd,
  type WeeklyReport,
} from '@fleetscope/reports';
import type { CommandRegistration } from '../cli.program';
import { apiRequest, endpointsFrom } from '../fleetscope.client';
import { forTerminal } from '../terminal-text';

function week(value: string): string {
  const parsed = parseIsoWeek(value);
  if (isWeekError(parsed)) throw new InvalidArgumentError(parsed.error);
  return parsed.label;
}

interface ReportOptions {
  week?: string;
  format: (typeof REPORT_FORMATS)[number];
  out?: string;
  build: boolean;
  url?: string;
}

/** `fleetscope report --week 2026-W48 [--format html] [--out FILE]`: builds the week, then fetches it. */
export const registerReport: CommandRegistration = (program: Command) => {
  program
    .command('report')
    .description('Build the weekly cost report of an ISO week and print or save it')
    .option('--week <YYYY-Www>', 'ISO week, e.g. 2026-W48 (default: the previous week)', week)
    .addOption(
      new Option('--format <format>', 'json, html, md or csv (FOCUS 1.2)')
        .choices([...REPORT_FORMATS])
        .default('json'),
    )
    .option('--out <file>', 'write to this file instead of standard output')
    .option('--no-build', 'fetch the stored report without building it again')
    .option('--url <url>', 'Fleetscope API (default FLEETSCOPE_URL or http://127.0.0.1:8080)')
    .action(async (options: ReportOptions) => {
      const endpoints = endpointsFrom({ url: options.url });
      const label = options.week ?? previousIsoWeek(isoWeekOf(Date.now())).label;
      if (options.build) {
        const built = await apiRequest<WeeklyReport>(endpoints, 'POST', '/api/reports/weekly', {
          week: label,
        });
        process.stderr.write(
          forTerminal(
            `${built.week}${demoSuffix(built)}${built.complete ? '' : ` (in progress: through ${built.through})`}: ${usd(built.totalCostUsd)} (previous week ${usd(built.previousTotalCostUsd)}); ${built.coverage.message}\n`,
          ),
        );
      }
      const body = await apiRequest<string>(
        endpoints,
        'GET',
        `/api/reports/${label}?format=${options.format}`,
        undefined,
        'text',
      );
      if (options.out) {
        await writeFile(options.out, body);
        process.stderr.write(`written to ${options.out}\n`);
      } else process.stdout.write(forTerminal(body.endsWith('\n') ? body : `${body}\n`));
    });
};

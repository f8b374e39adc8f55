import type { WeeklyReport } from '../build/weekly-report';
import { demoSuffix, percent, signedUsd, usd } from './report-text';

/** Where the full report is read: its URL, or a sentence saying why there is none to give. */
export type ReportLink = { url: string } | { missing: string };

/**
 * The report as a Slack incoming-webhook message: `text` (the notification and the fallback of
 * Slack-compatible receivers such as Mattermost or Teams workflows) plus Block Kit sections with
 * the summary, the top movers and the link to the HTML report (or, without one, the sentence that says why).
 */
export function renderSlackMessage(
  report: WeeklyReport,
  link: ReportLink,
): Record<string, unknown> {
  const change = report.totalCostUsd - report.previousTotalCostUsd;
  const summary = `${report.demo ? '[Demo] ' : ''}Fleetscope ${report.week}: ${usd(report.totalCostUsd)} (${signedUsd(change)} vs ${usd(report.previousTotalCostUsd)} the week before)`;
  const movers = report.movers
    .slice(0, 5)
    .map(
      (m) =>
        `• *${m.name}* ${signedUsd(m.changeUsd)} (${percent(m.changeRatio)}): ${m.explanation}`,
    );
  const open = 'url' in link ? `<${link.url}|Open the full report>` : link.missing;
  return {
    text: `${summary}. ${report.coverage.message} ${'url' in link ? link.url : link.missing}`,
    blocks: [
      {
        type: 'header',
        text: {
          type: 'plain_text',
          text: `Weekly cost report ${report.week}${demoSuffix(report)}`,
        },
      },
      {
        type: 'section',
        text: {
          type: 'mrkdwn',
          text: `*${usd(report.totalCostUsd)}* (${signedUsd(change)} vs ${usd(report.previousTotalCostUsd)}) · month to date ${usd(report.monthToDate.costUsd)}, forecast ${usd(report.monthToDate.forecastMonthEndUsd)}\n${report.coverage.message}`,
        },
      },
      {
        type: 'section',
        text: {
          type: 'mrkdwn',
          text:
            movers.length > 0 ? `*Top movers*\n${movers.join('\n')}` : 'No function changed cost.',
        },
      },
      {
        type: 'section',
        text: { type: 'mrkdwn', text: open },
      },
    ],
  };
}

import type { WeeklyReport } from '../build/weekly-report';
import { oneLine } from './report-document';
import {
  COST_BASIS,
  coverageNote,
  demoSuffix,
  inProgressNotice,
  moverPricedNote,
  percent,
  signedUsd,
  unpricedNote,
  usd,
} from './report-text';

/**
 * mrkdwn has no escape for its formatting characters: in untrusted text they become look-alikes,
 * so a name such as `*_x_*` cannot bold, italicise, strike or code what follows it.
 */
const MRKDWN_LOOKALIKES: Record<string, string> = {
  '*': '\u2217', // ∗ asterisk operator
  _: '\u02cd', // ˍ modifier letter low macron
  '~': '\u223c', // ∼ tilde operator
  '`': '\u02cb', // ˋ modifier letter grave accent
};

/**
 * Text from telemetry (function names) and the sentences that hold it (explanations, the coverage
 * sentence), for mrkdwn: & < > as Slack's escaping rule says
 * (https://api.slack.com/reference/surfaces/formatting#escaping), so `<!channel>` and `<url|label>`
 * read as text, not a mention or a link; a line break would start a line of the name's own.
 */
function slackText(untrusted: string): string {
  return oneLine(
    untrusted.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;'),
  ).replace(/[*_~`]/g, (c) => MRKDWN_LOOKALIKES[c]);
}

/**
 * The same for `text`, which Slack-compatible receivers (Mattermost, Teams workflows) read as
 * Markdown: there `[label](url)` is a link, so its brackets become look-alikes too.
 */
function fallbackText(untrusted: string): string {
  return slackText(untrusted).replace(/[[\]]/g, (c) => (c === '[' ? '\uff3b' : '\uff3d'));
}

/** Where the full report is read: its URL, or a sentence saying why there is none to give. */
export type ReportLink = { url: string } | { missing: string };

/**
 * The report as a Slack incoming-webhook message: `text` (the notification and the fallback of
 * Slack-compatible receivers such as Mattermost or Teams workflows) plus Block Kit sections with
 * the summary, the top movers and the link to the report's page on the dashboard (or, without one,
 * the sentence that says why). A week in progress and a total that leaves out unpriced usage say so.
 */
export function renderSlackMessage(
  report: WeeklyReport,
  link: ReportLink,
): Record<string, unknown> {
  const change = report.totalCostUsd - report.previousTotalCostUsd;
  const inProgress = inProgressNotice(report);
  const excludes = unpricedNote(report);
  const leftOut = excludes ? `; the total ${excludes}` : '';
  const gaps = coverageNote(report);
  // The notification shows the summary alone: a gap in either week reads as a change in cost.
  const summary = `${report.demo ? '[Demo] ' : ''}${inProgress ? '[In progress] ' : ''}Fleetscope ${report.week}: ${usd(report.totalCostUsd)} (${signedUsd(change)} vs ${usd(report.previousTotalCostUsd)} the week before${gaps ? `; ${gaps}` : ''}${leftOut})`;
  const movers = report.movers
    .slice(0, 5)
    .map(
      (m) =>
        `• *${slackText(m.name)}* ${signedUsd(m.changeUsd)} (${percent(m.changeRatio)})${moverPricedNote(report, m)}: ${slackText(m.explanation)}`,
    );
  const open = 'url' in link ? `<${link.url}|Open the full report>` : link.missing;
  return {
    text: `${summary}.${inProgress ? ` ${inProgress}` : ''} ${fallbackText(report.coverage.message)} ${COST_BASIS} ${'url' in link ? link.url : link.missing}`,
    blocks: [
      {
        type: 'header',
        text: {
          type: 'plain_text',
          text: `Weekly cost report ${report.week}${demoSuffix(report)}${inProgress ? ' (in progress)' : ''}`,
        },
      },
      {
        type: 'section',
        text: {
          type: 'mrkdwn',
          text: `${inProgress ? `${inProgress}\n` : ''}*${usd(report.totalCostUsd)}* (${signedUsd(change)} vs ${usd(report.previousTotalCostUsd)}${leftOut}) · month to date ${usd(report.monthToDate.costUsd)}, forecast ${usd(report.monthToDate.forecastMonthEndUsd)}\n${slackText(report.coverage.message)}\n${COST_BASIS}`,
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

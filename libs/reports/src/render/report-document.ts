import { BREAKDOWN_KEYS, type WeeklyReport } from '../build/weekly-report';
import {
  BREAKDOWN_LABELS,
  COST_BASIS,
  DEMO_NOTICE,
  PART_LABELS,
  coldStartTexts,
  demoSuffix,
  functionCostText,
  inProgressNotice,
  moverCostTexts,
  percent,
  previousFunctionCostText,
  pricedUsd,
  quantity,
  savingText,
  signedUsd,
  unpricedNote,
  usd,
  perMillionText,
} from './report-text';
import { utcMinute } from '../week/iso-week';

/**
 * A run of text: Fleetscope's own wording (a string), text from telemetry that a markup must not
 * read as markup (`literal`: names, ids, reasons, and the coverage sentences, which name functions
 * and regions), or emphasis a plain-text reader does without.
 */
export type Inline = string | { literal: string } | { strong: string } | { code: string };

/** One block of the report as the text formats (Markdown, plain text) lay it out. */
export type Block =
  | { kind: 'title'; text: string }
  | { kind: 'heading'; text: string }
  /** Set apart from the figures: what the data is, what the report is not. */
  | { kind: 'note'; text: Inline[] }
  | { kind: 'paragraph'; text: Inline[] }
  /** Every cell comes from data: literal text. */
  | { kind: 'table'; head: string[]; rows: (string | number)[][] }
  | { kind: 'list'; items: Inline[][] };

/**
 * A line break in telemetry text would start a line of its own in every text format: CommonMark's
 * (\r, \n) and those a mail reader or chat client may also break at (\v, \f, NEL, U+2028/9).
 */
export function oneLine(text: string | number): string {
  return String(text).replace(/\r\n?|[\n\v\f\u0085\u2028\u2029]/g, ' ');
}

/** The text of `inline` without markup: what a plain-text reader reads. */
export function plainInline(inline: readonly Inline[]): string {
  return inline
    .map((part) => {
      if (typeof part === 'string') return part;
      if ('literal' in part) return oneLine(part.literal);
      return 'strong' in part ? part.strong : part.code;
    })
    .join('');
}

const paragraph = (...text: Inline[]): Block => ({ kind: 'paragraph', text });
const heading = (text: string): Block => ({ kind: 'heading', text });
const table = (head: string[], rows: (string | number)[][]): Block => ({
  kind: 'table',
  head,
  rows,
});

/**
 * The weekly report's content, in order, for the text formats: each renders these blocks its own
 * way (markdown.renderer, plain-text.renderer), so both say the same in the same words.
 */
export function reportDocument(report: WeeklyReport): Block[] {
  const change = report.totalCostUsd - report.previousTotalCostUsd;
  const inProgress = inProgressNotice(report);
  const excludes = unpricedNote(report);
  const cold = coldStartTexts(report.coldStarts);
  const IN_PROGRESS = 'In progress:';
  const notes = [
    ...report.coverage.unpriced.map((u): Inline[] => [
      'Not priced: ',
      { literal: u.functionId },
      ': ',
      { literal: u.reason },
    ]),
    // Assumptions name regions and the like from telemetry ("No sourced … price for <region>").
    ...report.coverage.assumptions.map((a): Inline[] => [{ literal: a }]),
  ];
  return [
    { kind: 'title', text: `Fleetscope weekly cost report ${report.week}${demoSuffix(report)}` },
    ...(report.demo
      ? [{ kind: 'note', text: [{ strong: 'Demo data:' }, ` ${DEMO_NOTICE}`] } satisfies Block]
      : []),
    ...(inProgress
      ? [
          {
            kind: 'note',
            text: [{ strong: IN_PROGRESS }, inProgress.slice(IN_PROGRESS.length)],
          } satisfies Block,
        ]
      : []),
    paragraph(
      `${report.from.slice(0, 10)} to ${report.to.slice(0, 10)} (UTC, end exclusive) · prices: `,
      { code: report.catalogueVersion },
    ),
    paragraph(COST_BASIS),
    // The sentence names the functions a stopped source fed: plain text throughout, read as such.
    { kind: 'note', text: [{ literal: report.coverage.message }] },
    paragraph(
      { strong: `Total: ${usd(report.totalCostUsd)}` },
      ` (${excludes ? `${excludes}; ` : ''}previous week ${usd(report.previousTotalCostUsd)}, ${signedUsd(change)}) · ${report.invocations.toLocaleString('en-US')} invocations · ${perMillionText(report)}`,
    ),
    paragraph(
      `Month to date (${report.monthToDate.month}): ${usd(report.monthToDate.costUsd)} · month-end forecast ${usd(report.monthToDate.forecastMonthEndUsd)} (${report.monthToDate.forecastMethod})`,
    ),
    heading('Breakdown'),
    table(
      ['Part', 'Cost'],
      BREAKDOWN_KEYS.map((k) => [BREAKDOWN_LABELS[k], usd(report.breakdown[k])]),
    ),
    table(
      ['Compute', 'Architecture', '$/GB-s', 'GB-seconds', 'Cost'],
      report.computeByTier.map((l) => [
        l.kind === 'provisioned' ? 'on provisioned concurrency' : 'on demand',
        l.architecture,
        l.usdPerGbSecond.toPrecision(6),
        quantity(l.gbSeconds),
        usd(l.usd),
      ]),
    ),
    table(
      ['Platform, account or region', 'Cost', 'Previous', 'Invocations'],
      [
        ...report.byPlatform.map((g) => ({ ...g, what: `platform ${g.key}` })),
        ...report.byAccount.map((g) => ({ ...g, what: `account ${g.key}` })),
        ...report.byRegion.map((g) => ({ ...g, what: `region ${g.key}` })),
      ].map((g) => [
        g.what,
        pricedUsd(g.costUsd, g.priced),
        pricedUsd(g.previousCostUsd, g.previousPriced),
        g.invocations.toLocaleString('en-US'),
      ]),
    ),
    heading('Top movers'),
    report.movers.length === 0
      ? paragraph('No function changed cost.')
      : table(
          ['Function', 'Previous', 'This week', 'Change', ...Object.values(PART_LABELS), 'Why'],
          report.movers.map((m) => [
            m.name,
            moverCostTexts(report, m).previous,
            moverCostTexts(report, m).current,
            `${signedUsd(m.changeUsd)} (${percent(m.changeRatio)})`,
            ...(Object.keys(PART_LABELS) as (keyof typeof PART_LABELS)[]).map((k) =>
              signedUsd(m.parts[k]),
            ),
            m.explanation,
          ]),
        ),
    paragraph(report.decompositionMethod),
    heading('Functions'),
    table(
      ['Function', 'Platform', 'Region', 'Invocations', 'Cost', 'Previous', '$ per million'],
      report.functions.map((f) => [
        f.name,
        f.platform,
        f.region,
        f.invocations.toLocaleString('en-US'),
        functionCostText(f),
        previousFunctionCostText(f),
        f.costPerMillionInvocationsUsd === null ? '–' : usd(f.costPerMillionInvocationsUsd),
      ]),
    ),
    heading('Cold starts'),
    paragraph(
      `${report.coldStarts.count.toLocaleString('en-US')} cold start(s) (previous week ${report.coldStarts.previousCount.toLocaleString('en-US')}), users waited ${cold.wait}${cold.coverage ? '' : ' in total'}, costing ${cold.cost}${cold.coverage ? `, ${cold.coverage}` : ''}.`,
    ),
    heading('Idle provisioned concurrency'),
    report.idleProvisionedConcurrency.length === 0
      ? paragraph('No provisioned concurrency.')
      : table(
          ['Function', 'Concurrency', 'Utilisation', 'Allocated', 'Idle'],
          report.idleProvisionedConcurrency.map((p) => [
            p.name,
            p.concurrency,
            `${(p.utilisation * 100).toFixed(1)} %`,
            usd(p.allocatedUsd),
            usd(p.idleUsd),
          ]),
        ),
    ...(report.idleMinScalePods.length === 0
      ? []
      : [
          heading('Idle min-scale pods'),
          table(
            ['Function', 'Pods', 'Busy', 'Allocated', 'Idle'],
            report.idleMinScalePods.map((p) => [
              p.name,
              p.pods,
              `${(p.utilisation * 100).toFixed(1)} %`,
              usd(p.allocatedUsd),
              usd(p.idleUsd),
            ]),
          ),
        ]),
    heading('Open recommendations'),
    ...(report.recommendationsRun ? [paragraph(recommendationsRunText(report) ?? '')] : []),
    ...(report.recommendations.length === 0
      ? [paragraph('None open.')]
      : [
          paragraph(
            `Savings that can be made together: ${usd(report.recommendationsSavingUsd.low)} to ${usd(report.recommendationsSavingUsd.high)} a month. ${report.recommendationsSavingUsd.note}`,
          ),
          table(
            ['Function', 'Kind', 'Recommendation', 'Monthly saving', 'Confidence', 'In total'],
            report.recommendations.map((r) => [
              r.name,
              r.kind,
              r.title,
              savingText(r, report),
              `${r.confidence} (${r.confidenceScore})`,
              r.inTotal ? 'yes' : 'no',
            ]),
          ),
        ]),
    heading('Coverage'),
    table(
      ['Day', 'Invocations', 'Functions', 'Sources'],
      report.coverage.days.map((d) => [
        d.date,
        d.invocations.toLocaleString('en-US'),
        d.functions,
        d.sources.join(', ') || 'no data',
      ]),
    ),
    ...(notes.length > 0 ? [{ kind: 'list', items: notes } satisfies Block] : []),
  ];
}

/**
 * Which analysis run the recommendations are from, and when it ran: a past week rebuilt later
 * lists the advice of the first run after it, not today's. Null for a report built before the run
 * was recorded.
 */
export function recommendationsRunText(report: WeeklyReport): string | null {
  const run = report.recommendationsRun;
  if (!run) return null;
  const window = `its window ${utcMinute(Date.parse(run.windowFrom))} to ${utcMinute(Date.parse(run.windowTo))}`;
  return run.firstAfterWeek
    ? `From the analysis run that finished ${utcMinute(Date.parse(run.finishedAt))}, the first after the week (${window}).`
    : `From the latest analysis run, which finished ${utcMinute(Date.parse(run.finishedAt))}: none has finished after the week's end yet (${window}).`;
}

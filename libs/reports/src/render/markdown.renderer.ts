import { BREAKDOWN_KEYS, type WeeklyReport } from '../build/weekly-report';
import {
  BREAKDOWN_LABELS,
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

/**
 * Text as it reads, for a Markdown line: names, accounts, regions and ids come from telemetry, and
 * their punctuation would make headings, links, images, HTML or emphasis, or (a pipe) end a table
 * cell; a line break would start a line of their own. CommonMark reads a backslash before any
 * ASCII punctuation as that character.
 */
function literal(text: string | number): string {
  return String(text)
    .replace(/\r\n?|\n/g, ' ')
    .replace(/[\\`*_~[\]<>!#|]/g, '\\$&');
}

/** A table cell: literal text, whatever it holds (every cell, so none is missed). */
const cell = literal;

function table(head: string[], rows: (string | number)[][]): string[] {
  return [
    `| ${head.map(cell).join(' | ')} |`,
    `| ${head.map(() => '---').join(' | ')} |`,
    ...rows.map((r) => `| ${r.map(cell).join(' | ')} |`),
  ];
}

export function renderMarkdown(report: WeeklyReport): string {
  const change = report.totalCostUsd - report.previousTotalCostUsd;
  const inProgress = inProgressNotice(report);
  const excludes = unpricedNote(report);
  const cold = coldStartTexts(report.coldStarts);
  const out: string[] = [
    `# Fleetscope weekly cost report ${report.week}${demoSuffix(report)}`,
    '',
    ...(report.demo ? [`> **Demo data:** ${DEMO_NOTICE}`, ''] : []),
    ...(inProgress ? [`> ${inProgress.replace(/^In progress:/, '**In progress:**')}`, ''] : []),
    `${report.from.slice(0, 10)} to ${report.to.slice(0, 10)} (UTC, end exclusive) · prices: \`${report.catalogueVersion}\``,
    '',
    `> ${report.coverage.message}`,
    '',
    `**Total: ${usd(report.totalCostUsd)}** (${excludes ? `${excludes}; ` : ''}previous week ${usd(report.previousTotalCostUsd)}, ${signedUsd(change)}) · ${report.invocations.toLocaleString('en-US')} invocations · ${perMillionText(report)}`,
    '',
    `Month to date (${report.monthToDate.month}): ${usd(report.monthToDate.costUsd)} · month-end forecast ${usd(report.monthToDate.forecastMonthEndUsd)} (${report.monthToDate.forecastMethod})`,
    '',
    '## Breakdown',
    '',
    ...table(
      ['Part', 'Cost'],
      BREAKDOWN_KEYS.map((k) => [BREAKDOWN_LABELS[k], usd(report.breakdown[k])]),
    ),
    '',
    ...table(
      ['Compute', 'Architecture', '$/GB-s', 'GB-seconds', 'Cost'],
      report.computeByTier.map((l) => [
        l.kind === 'provisioned' ? 'on provisioned concurrency' : 'on demand',
        l.architecture,
        l.usdPerGbSecond.toPrecision(6),
        quantity(l.gbSeconds),
        usd(l.usd),
      ]),
    ),
    '',
    ...table(
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
    '',
    '## Top movers',
    '',
    ...(report.movers.length === 0
      ? ['No function changed cost.']
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
        )),
    '',
    report.decompositionMethod,
    '',
    '## Functions',
    '',
    ...table(
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
    '',
    '## Cold starts',
    '',
    `${report.coldStarts.count.toLocaleString('en-US')} cold start(s) (previous week ${report.coldStarts.previousCount.toLocaleString('en-US')}), users waited ${cold.wait}${cold.coverage ? '' : ' in total'}, costing ${cold.cost}${cold.coverage ? `, ${cold.coverage}` : ''}.`,
    '',
    '## Idle provisioned concurrency',
    '',
    ...(report.idleProvisionedConcurrency.length === 0
      ? ['No provisioned concurrency.']
      : table(
          ['Function', 'Concurrency', 'Utilisation', 'Allocated', 'Idle'],
          report.idleProvisionedConcurrency.map((p) => [
            p.name,
            p.concurrency,
            `${(p.utilisation * 100).toFixed(1)} %`,
            usd(p.allocatedUsd),
            usd(p.idleUsd),
          ]),
        )),
    ...(report.idleMinScalePods.length === 0
      ? []
      : [
          '',
          '## Idle min-scale pods',
          '',
          ...table(
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
    '',
    '## Open recommendations',
    '',
    ...(report.recommendations.length === 0
      ? ['None open.']
      : [
          `Savings that can be made together: ${usd(report.recommendationsSavingUsd.low)} to ${usd(report.recommendationsSavingUsd.high)} a month. ${report.recommendationsSavingUsd.note}`,
          '',
          ...table(
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
    '',
    '## Coverage',
    '',
    ...table(
      ['Day', 'Invocations', 'Functions', 'Sources'],
      report.coverage.days.map((d) => [
        d.date,
        d.invocations.toLocaleString('en-US'),
        d.functions,
        d.sources.join(', ') || 'no data',
      ]),
    ),
    '',
    ...report.coverage.unpriced.map(
      (u) => `- Not priced: ${literal(u.functionId)}: ${literal(u.reason)}`,
    ),
    ...report.coverage.assumptions.map((a) => `- ${a}`),
    '',
  ];
  return out.join('\n');
}

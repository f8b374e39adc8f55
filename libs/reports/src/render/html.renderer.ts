import { BREAKDOWN_KEYS, type WeeklyReport } from '../build/weekly-report';
import {
  BREAKDOWN_LABELS,
  COST_BASIS,
  DEMO_NOTICE,
  PART_LABELS,
  coldStartTexts,
  tenthsOfSeconds,
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
import { recommendationsRunText } from './report-document';

// HTML for e-mail clients: one self-contained document, inline styles (many clients drop <style>),
// charts as inline SVG, no scripts, no external resources.

/** No library here escapes HTML text without a DOM; these five characters are all it takes. */
export function escapeHtml(text: string | number): string {
  return String(text)
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/"/g, '&quot;')
    .replace(/'/g, '&#39;');
}

const FONT = 'font-family:Helvetica,Arial,sans-serif;color:#1f2933';
const TH = 'style="text-align:left;padding:4px 8px;border-bottom:2px solid #cbd2d9;font-size:13px"';
const TD = 'style="padding:4px 8px;border-bottom:1px solid #e4e7eb;font-size:13px"';
const TDR =
  'style="padding:4px 8px;border-bottom:1px solid #e4e7eb;font-size:13px;text-align:right"';
const BLUE = '#2f80ed';
const GREY = '#9aa5b1';
const RED = '#d64545';
const GREEN = '#3f9142';

function table(head: string[], rows: string[][], numeric: boolean[] = []): string {
  const h = head.map((c) => `<th ${TH}>${escapeHtml(c)}</th>`).join('');
  const body = rows
    .map((r) => `<tr>${r.map((c, i) => `<td ${numeric[i] ? TDR : TD}>${c}</td>`).join('')}</tr>`)
    .join('');
  return `<table cellspacing="0" cellpadding="0" style="border-collapse:collapse;width:100%;margin:8px 0 16px">${`<tr>${h}</tr>`}${body}</table>`;
}

/**
 * An inline SVG chart drawn on `width` × `height` that shrinks to a narrower screen (a phone, a
 * narrow mail pane) and keeps its proportions: a fixed width of 560 was clipped on a 390 px phone.
 */
function svgChart(width: number, height: number, label: string, content: string): string {
  return `<svg xmlns="http://www.w3.org/2000/svg" width="${width}" height="${height}" viewBox="0 0 ${width} ${height}" style="max-width:100%;height:auto" role="img" aria-label="${escapeHtml(label)}">${content}</svg>`;
}

/** This week's and last week's cost per day, as grouped bars. */
function dailyChart(report: WeeklyReport): string {
  const width = 560;
  const height = 160;
  const max = Math.max(...report.daily.flatMap((d) => [d.costUsd, d.previousCostUsd]), 0);
  const slot = width / report.daily.length;
  const bar = (value: number) => (max > 0 ? (value / max) * (height - 30) : 0);
  const bars = report.daily
    .map((d, i) => {
      const x = i * slot + 8;
      const prev = bar(d.previousCostUsd);
      const cur = bar(d.costUsd);
      return (
        `<rect x="${x}" y="${height - 20 - prev}" width="${(slot - 20) / 2}" height="${prev}" fill="${GREY}"><title>${escapeHtml(`${d.date} previous week ${usd(d.previousCostUsd)}`)}</title></rect>` +
        `<rect x="${x + (slot - 20) / 2 + 2}" y="${height - 20 - cur}" width="${(slot - 20) / 2}" height="${cur}" fill="${BLUE}"><title>${escapeHtml(`${d.date} ${usd(d.costUsd)}`)}</title></rect>` +
        `<text x="${x + (slot - 20) / 2}" y="${height - 5}" font-size="11" text-anchor="middle" fill="#52606d">${escapeHtml(d.date.slice(5))}</text>`
      );
    })
    .join('');
  return svgChart(
    width,
    height,
    'Cost per day, this week (blue) and the previous week (grey)',
    `${bars}<text x="4" y="12" font-size="11" fill="#52606d">max ${escapeHtml(usd(max))}/day</text>`,
  );
}

/** Horizontal bars: each cost part's share of the week. */
function breakdownChart(report: WeeklyReport): string {
  const parts = BREAKDOWN_KEYS.filter((k) => report.breakdown[k] > 0);
  const max = Math.max(...parts.map((k) => report.breakdown[k]), 0);
  const rowHeight = 22;
  const height = Math.max(1, parts.length) * rowHeight;
  const rows = parts
    .map((k, i) => {
      const w = max > 0 ? (report.breakdown[k] / max) * 300 : 0;
      const y = i * rowHeight;
      return `<text x="0" y="${y + 15}" font-size="12" fill="#1f2933">${escapeHtml(BREAKDOWN_LABELS[k])}</text><rect x="170" y="${y + 4}" width="${w}" height="14" fill="${BLUE}"/><text x="${176 + w}" y="${y + 15}" font-size="12" fill="#52606d">${escapeHtml(usd(report.breakdown[k]))}</text>`;
    })
    .join('');
  return svgChart(560, height, 'Cost by part', rows);
}

/** Each mover's change split into its parts: red adds cost, green saves. */
function moversChart(report: WeeklyReport): string {
  const movers = report.movers.slice(0, 5);
  const keys = Object.keys(PART_LABELS) as (keyof typeof PART_LABELS)[];
  const max = Math.max(...movers.flatMap((m) => keys.map((k) => Math.abs(m.parts[k]))), 0);
  const rowHeight = 18;
  let y = 0;
  const out: string[] = [];
  for (const m of movers) {
    out.push(
      `<text x="0" y="${y + 13}" font-size="12" font-weight="bold">${escapeHtml(`${m.name} ${signedUsd(m.changeUsd)}`)}</text>`,
    );
    y += rowHeight;
    for (const k of keys) {
      const v = m.parts[k];
      // Parts too small to draw beside the largest; a small week's movers still have bars.
      if (!(Math.abs(v) >= max * 0.005) || !(Math.abs(v) >= 1e-10)) continue;
      const w = max > 0 ? (Math.abs(v) / max) * 150 : 0;
      const x = v >= 0 ? 330 : 330 - w;
      out.push(
        `<text x="20" y="${y + 12}" font-size="11" fill="#52606d">${escapeHtml(PART_LABELS[k])}</text><rect x="${x}" y="${y + 3}" width="${w}" height="11" fill="${v >= 0 ? RED : GREEN}"/><text x="490" y="${y + 12}" font-size="11" fill="#52606d">${escapeHtml(signedUsd(v))}</text>`,
      );
      y += rowHeight;
    }
  }
  if (out.length === 0) return '';
  return svgChart(560, y, 'Why the top movers moved', out.join(''));
}

export function renderHtml(report: WeeklyReport): string {
  const change = report.totalCostUsd - report.previousTotalCostUsd;
  const inProgress = inProgressNotice(report);
  const excludes = unpricedNote(report);
  const cold = coldStartTexts(report.coldStarts);
  // Amber when either week has gaps: the change compares the two.
  const coverageColour =
    report.coverage.status === 'complete' && report.coverage.previousWeek.status === 'complete'
      ? '#e3f9e5'
      : '#fff3c4';
  const h2 = (text: string) =>
    `<h2 style="font-size:17px;margin:24px 0 6px;border-bottom:1px solid #e4e7eb">${escapeHtml(text)}</h2>`;
  const p = (html: string) => `<p style="font-size:14px;margin:6px 0">${html}</p>`;
  const movers = report.movers.length
    ? moversChart(report) +
      table(
        ['Function', 'Previous', 'This week', 'Change', 'Why'],
        report.movers.map((m) => [
          escapeHtml(m.name),
          escapeHtml(moverCostTexts(report, m).previous),
          escapeHtml(moverCostTexts(report, m).current),
          `${escapeHtml(signedUsd(m.changeUsd))} (${escapeHtml(percent(m.changeRatio))})`,
          escapeHtml(m.explanation),
        ]),
        [false, true, true, true, false],
      )
    : p('No function changed cost.');
  const body = [
    report.demo
      ? `<div data-demo="true" style="background:#fff8e6;border:1px solid #f3d48b;color:#6b4e00;padding:8px 12px;border-radius:4px;font-size:14px;margin:0 0 12px">Demo data: ${escapeHtml(DEMO_NOTICE)}</div>`
      : '',
    inProgress
      ? `<div data-in-progress="true" style="background:#fff3c4;border:1px solid #f3d48b;color:#6b4e00;padding:8px 12px;border-radius:4px;font-size:14px;margin:0 0 12px"><strong>In progress:</strong> ${escapeHtml(inProgress.replace(/^In progress: /, ''))}</div>`
      : '',
    `<h1 style="font-size:22px;margin:0 0 4px">Weekly cost report ${escapeHtml(report.week + demoSuffix(report))}</h1>`,
    p(
      `${escapeHtml(report.from.slice(0, 10))} to ${escapeHtml(report.to.slice(0, 10))} (UTC, end exclusive) · prices <code>${escapeHtml(report.catalogueVersion)}</code>`,
    ),
    p(`<span data-cost-basis="true">${escapeHtml(COST_BASIS)}</span>`),
    `<div data-coverage="${escapeHtml(report.coverage.status)}" style="background:${coverageColour};padding:8px 12px;border-radius:4px;font-size:14px;margin:8px 0">${escapeHtml(report.coverage.message)}</div>`,
    `<p style="font-size:26px;margin:12px 0 4px" data-total="${report.totalCostUsd}"><strong>${escapeHtml(usd(report.totalCostUsd))}</strong> <span style="font-size:15px;color:${change > 0 ? RED : GREEN}">${escapeHtml(signedUsd(change))} vs ${escapeHtml(usd(report.previousTotalCostUsd))}</span></p>`,
    excludes
      ? p(`<span data-unpriced="true" style="color:#8d2b0b">Total ${escapeHtml(excludes)}.</span>`)
      : '',
    p(
      `${report.invocations.toLocaleString('en-US')} invocations · ${escapeHtml(perMillionText(report))} · month to date ${escapeHtml(usd(report.monthToDate.costUsd))}, month-end forecast ${escapeHtml(usd(report.monthToDate.forecastMonthEndUsd))}`,
    ),
    dailyChart(report),
    h2('Where the money went'),
    breakdownChart(report),
    table(
      ['Compute', 'Architecture', '$/GB-s', 'GB-seconds', 'Cost'],
      report.computeByTier.map((l) => [
        l.kind === 'provisioned' ? 'on provisioned concurrency' : 'on demand',
        escapeHtml(l.architecture),
        escapeHtml(l.usdPerGbSecond.toPrecision(6)),
        quantity(l.gbSeconds),
        usd(l.usd),
      ]),
      [false, false, true, true, true],
    ),
    table(
      ['Platform, account or region', 'Cost', 'Previous', 'Invocations'],
      [
        ...report.byPlatform.map((g) => ({ ...g, what: `platform ${g.key}` })),
        ...report.byAccount.map((g) => ({ ...g, what: `account ${g.key}` })),
        ...report.byRegion.map((g) => ({ ...g, what: `region ${g.key}` })),
      ].map((g) => [
        escapeHtml(g.what),
        escapeHtml(pricedUsd(g.costUsd, g.priced)),
        escapeHtml(pricedUsd(g.previousCostUsd, g.previousPriced)),
        g.invocations.toLocaleString('en-US'),
      ]),
      [false, true, true, true],
    ),
    h2('Top movers'),
    movers,
    p(`<small>${escapeHtml(report.decompositionMethod)}</small>`),
    h2('Functions'),
    table(
      ['Function', 'Platform', 'Region', 'Invocations', 'Cost', 'Previous', '$/M inv.'],
      report.functions.map((f) => [
        escapeHtml(f.name),
        escapeHtml(f.platform),
        escapeHtml(f.region),
        f.invocations.toLocaleString('en-US'),
        escapeHtml(functionCostText(f)),
        escapeHtml(previousFunctionCostText(f)),
        f.costPerMillionInvocationsUsd === null ? '–' : usd(f.costPerMillionInvocationsUsd),
      ]),
      [false, false, false, true, true, true, true],
    ),
    h2('Cold starts'),
    p(
      `${report.coldStarts.count.toLocaleString('en-US')} cold starts (previous week ${report.coldStarts.previousCount.toLocaleString('en-US')}); users waited ${cold.wait} and billed INIT and restores cost ${escapeHtml(cold.cost)}${cold.coverage ? `, ${escapeHtml(cold.coverage)}` : ''}.`,
    ),
    report.coldStarts.byFunction.length
      ? table(
          ['Function', 'Cold starts', 'Waiting', 'Cost'],
          report.coldStarts.byFunction
            .slice(0, 10)
            .map((c) => [
              escapeHtml(c.name),
              c.coldStartsWithInit === undefined || c.coldStartsWithInit >= c.count
                ? c.count.toLocaleString('en-US')
                : `${c.count.toLocaleString('en-US')} (${c.coldStartsWithInit.toLocaleString('en-US')} with an init duration)`,
              c.waitingSeconds === null ? 'unknown' : tenthsOfSeconds(c.waitingSeconds),
              c.costUsd === null ? 'unknown' : usd(c.costUsd),
            ]),
          [false, true, true, true],
        )
      : '',
    h2('Idle provisioned concurrency'),
    report.idleProvisionedConcurrency.length
      ? table(
          ['Function', 'Concurrency', 'Utilisation', 'Allocated', 'Idle'],
          report.idleProvisionedConcurrency.map((x) => [
            escapeHtml(x.name),
            String(x.concurrency),
            `${(x.utilisation * 100).toFixed(1)} %`,
            usd(x.allocatedUsd),
            usd(x.idleUsd),
          ]),
          [false, true, true, true, true],
        )
      : p('No provisioned concurrency.'),
    report.idleMinScalePods.length
      ? h2('Idle min-scale pods') +
        table(
          ['Function', 'Pods', 'Busy', 'Allocated', 'Idle'],
          report.idleMinScalePods.map((x) => [
            escapeHtml(x.name),
            String(x.pods),
            `${(x.utilisation * 100).toFixed(1)} %`,
            usd(x.allocatedUsd),
            usd(x.idleUsd),
          ]),
          [false, true, true, true, true],
        )
      : '',
    h2('Open recommendations'),
    report.recommendationsRun ? p(escapeHtml(recommendationsRunText(report) ?? '')) : '',
    report.recommendations.length
      ? p(
          `Savings that can be made together: <strong>${escapeHtml(usd(report.recommendationsSavingUsd.low))} to ${escapeHtml(usd(report.recommendationsSavingUsd.high))}</strong> a month. ${escapeHtml(report.recommendationsSavingUsd.note)}`,
        ) +
        table(
          ['Function', 'Recommendation', 'Monthly saving', 'Confidence', 'In total'],
          report.recommendations.map((r) => [
            escapeHtml(r.name),
            escapeHtml(r.title),
            escapeHtml(savingText(r, report)),
            escapeHtml(`${r.confidence} (${r.confidenceScore})`),
            r.inTotal ? 'yes' : 'no',
          ]),
          [false, false, true, false, false],
        )
      : p('None open.'),
    h2('Coverage'),
    table(
      ['Day', 'Invocations', 'Functions', 'Sources'],
      report.coverage.days.map((d) => [
        escapeHtml(d.date),
        d.invocations.toLocaleString('en-US'),
        String(d.functions),
        escapeHtml(d.sources.join(', ') || 'no data'),
      ]),
      [false, true, true, false],
    ),
    `<ul style="font-size:12px;color:#52606d">${[
      ...report.coverage.unpriced.map((u) => `Not priced: ${u.functionId}: ${u.reason}`),
      ...report.coverage.assumptions,
    ]
      .map((a) => `<li>${escapeHtml(a)}</li>`)
      .join('')}</ul>`,
  ].join('\n');
  return `<!DOCTYPE html>
<html lang="en"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width"><title>Fleetscope weekly cost report ${escapeHtml(report.week + demoSuffix(report))}</title></head>
<body style="margin:0;padding:16px;background:#ffffff"><div style="max-width:640px;margin:0 auto;${FONT}">
${body}
</div></body></html>
`;
}

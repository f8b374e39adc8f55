// Function detail (/function.html?id=…): its summary and configuration, chart.js line charts of
// GET /api/functions/:id/timeseries, and its recommendations.
import {
  $,
  ApiError,
  COLORS,
  chartCard,
  chartDefaults,
  clearNotice,
  coldStartRateCell,
  currentRange,
  drawChart,
  fmtAxisTime,
  fmtColdStarts,
  fmtGbSeconds,
  fmtInt,
  fmtMb,
  fmtMs,
  fmtPct,
  fmtUsd,
  functionName,
  h,
  latestOnly,
  notice,
  rangePicker,
  rangeQuery,
  setupPage,
  showError,
  statCard,
} from './fleetscope.js';
import { recommendationCard } from './recommendation-card.js';

const id = new URLSearchParams(location.search).get('id') ?? '';
const path = `/api/functions/${encodeURIComponent(id)}`;

const CHARTS = [
  ['chart-invocations', 'Invocations and errors', 'Invocations, errors and timeouts per interval'],
  [
    'chart-duration',
    'Duration percentiles',
    'Duration p50, p95 and p99 per interval, in milliseconds',
  ],
  ['chart-coldstarts', 'Cold starts', 'Cold starts per interval'],
  ['chart-concurrency', 'Average concurrency', 'Average concurrent executions per interval'],
];

/** Every step of the range, so quiet intervals show as zero instead of being skipped. */
function slots(range, stepSeconds, points) {
  const stepMs = stepSeconds * 1000;
  const byTime = new Map(points.map((p) => [Date.parse(p.time), p]));
  const out = [];
  for (let t = Math.floor(range.fromMs / stepMs) * stepMs; t < range.toMs; t += stepMs) {
    out.push({ timeMs: t, point: byTime.get(t) ?? null });
  }
  return out;
}

function timeLabel(timeMs, range, stepSeconds) {
  return fmtAxisTime(timeMs, { days: stepSeconds >= 86_400, weekday: range.ms > 86_400_000 });
}

function line(label, data, color, extra = {}) {
  return {
    label,
    data,
    borderColor: color,
    backgroundColor: `${color}22`,
    borderWidth: 1.75,
    pointRadius: 0,
    pointHoverRadius: 3,
    tension: 0.2,
    ...extra,
  };
}

/** `per minute`, `per 5 min`, `per hour` for a step of seconds. */
function perStep(stepSeconds) {
  if (stepSeconds === 60) return 'per minute';
  if (stepSeconds === 3600) return 'per hour';
  if (stepSeconds === 86_400) return 'per day';
  return stepSeconds % 3600 === 0 ? `per ${stepSeconds / 3600} h` : `per ${stepSeconds / 60} min`;
}

function options(yTitle, { integer = false } = {}) {
  return {
    interaction: { mode: 'index', intersect: false },
    scales: {
      x: {
        grid: { display: false },
        ticks: { maxRotation: 0, autoSkipPadding: 16 },
        title: { display: true, text: 'Time (UTC)' },
      },
      y: {
        beginAtZero: true,
        title: { display: Boolean(yTitle), text: yTitle },
        ticks: integer ? { precision: 0 } : {},
      },
    },
  };
}

/**
 * What the cold-starts chart cannot show, from the summary: the timeseries counts the cold starts
 * known per interval and has no count of the invocations that did not say (spans without
 * faas.coldstart), so a 0 there may be "not known".
 */
function coldStartNote(summary) {
  const unknown = summary?.coldStartUnknown ?? 0;
  if (unknown === 0) return null;
  if (summary.coldStartRate === null)
    return `Cold starts not known. ${summary.coldStartRateReason ?? 'No source said whether these invocations started cold.'}`;
  return `${fmtInt(unknown)} of ${fmtInt(summary.invocations)} invocations did not say whether they started cold; only the others are counted.`;
}

function renderCharts(range, series, summary) {
  chartDefaults();
  const container = $('#charts');
  const canvases = {};
  const notes = { 'chart-coldstarts': coldStartNote(summary) };
  container.replaceChildren(
    ...CHARTS.map(([chartId, title, description]) => {
      const { card, canvas } = chartCard(chartId, title, description, notes[chartId]);
      canvases[chartId] = canvas;
      return card;
    }),
  );
  const s = slots(range, series.stepSeconds, series.points);
  const labels = s.map((x) => timeLabel(x.timeMs, range, series.stepSeconds));
  const count = (pick) => s.map((x) => (x.point ? pick(x.point) : 0));
  // No invocation of the range, or of a step, said whether it started cold: no point, not a 0.
  const coldStarts =
    summary?.coldStartRate === null
      ? s.map(() => null)
      : s.map(({ point: p }) =>
          p && p.invocations > 0 && (p.unknownStarts ?? 0) >= p.invocations
            ? null
            : (p?.coldStarts ?? 0),
        );
  // Durations only where there were invocations: a gap, not a zero, when the function was idle.
  const duration = (q) => s.map((x) => (x.point ? x.point.durationMs[q] : null));
  // Lines break at the gaps (no spanGaps), so a busy interval between idle ones is a dot.
  const alone = ({ dataset, dataIndex: i }) =>
    dataset.data[i] !== null && dataset.data[i - 1] == null && dataset.data[i + 1] == null ? 2 : 0;

  drawChart(canvases['chart-invocations'], {
    type: 'line',
    data: {
      labels,
      datasets: [
        line(
          'Invocations',
          count((p) => p.invocations),
          COLORS.blue,
          { fill: true },
        ),
        line(
          'Errors',
          count((p) => p.errors),
          COLORS.red,
        ),
        line(
          'Timeouts',
          count((p) => p.timeouts),
          COLORS.amber,
        ),
      ],
    },
    options: options(perStep(series.stepSeconds), { integer: true }),
  });
  drawChart(canvases['chart-duration'], {
    type: 'line',
    data: {
      labels,
      datasets: [
        line('p50', duration('p50'), COLORS.blue, { pointRadius: alone }),
        line('p95', duration('p95'), COLORS.amber, { pointRadius: alone }),
        line('p99', duration('p99'), COLORS.red, { pointRadius: alone }),
      ],
    },
    options: options('ms'),
  });
  drawChart(canvases['chart-coldstarts'], {
    type: 'line',
    data: {
      labels,
      datasets: [line('Cold starts', coldStarts, COLORS.violet, { fill: true })],
    },
    options: options(perStep(series.stepSeconds), { integer: true }),
  });
  drawChart(canvases['chart-concurrency'], {
    type: 'line',
    data: {
      labels,
      datasets: [
        line(
          'Average concurrency',
          count((p) => p.averageConcurrency),
          COLORS.teal,
          { fill: true },
        ),
      ],
    },
    options: options('executions'),
  });
}

function renderSummary(summary, config) {
  const name = summary?.name ?? config?.name ?? functionName(id);
  document.title = `${name} · Fleetscope`;
  $('#title').textContent = name;
  $('#function-id').textContent = id;
  const memoryMb = summary?.memoryMb ?? config?.memoryMb ?? null;
  const timeoutMs = summary?.timeoutMs ?? config?.timeoutMs ?? null;
  const chips = [
    summary?.platform ?? config?.platform,
    summary?.region ?? config?.region,
    summary?.version || config?.version ? `version ${summary?.version || config?.version}` : null,
    summary?.runtime || config?.runtime,
    summary?.architecture || config?.architecture,
    memoryMb !== null ? `${fmtMb(memoryMb)} memory` : null,
    timeoutMs !== null ? `${fmtMs(timeoutMs)} timeout` : null,
  ].filter(Boolean);
  $('#chips').replaceChildren(...chips.map((c) => h('span', { class: 'chip' }, c)));

  if (!summary) {
    $('#stats').replaceChildren();
    return;
  }
  const used = summary.maxMemoryUsedMb;
  $('#stats').replaceChildren(
    statCard('Invocations', fmtInt(summary.invocations)),
    statCard(
      'Errors',
      fmtInt(summary.errors),
      summary.invocations ? fmtPct(summary.errors / summary.invocations) : null,
    ),
    statCard(
      'Timeouts',
      fmtInt(summary.timeouts),
      summary.invocations ? fmtPct(summary.timeouts / summary.invocations) : null,
    ),
    statCard(
      'Cold starts',
      fmtColdStarts(summary),
      summary.coldStarts
        ? [coldStartRateCell(summary), ` · init p50 ${fmtMs(summary.initDurationMs.p50)}`]
        : coldStartRateCell(summary),
    ),
    statCard(
      'Duration p50',
      fmtMs(summary.durationMs.p50),
      `p95 ${fmtMs(summary.durationMs.p95)} · p99 ${fmtMs(summary.durationMs.p99)}`,
    ),
    statCard(
      'Max memory used',
      fmtMb(used),
      used !== null && memoryMb ? `of ${fmtMb(memoryMb)}` : null,
    ),
    statCard('Cost', fmtUsd(summary.costUsd), costDetail(summary)),
  );
}

/**
 * Under the cost: why it is not priced, else the billed GB-seconds and, for a cost the weekly
 * report's days count over part of a day (the range starts or ends inside one), the server's note
 * saying which (costUsdNote), as the overview's tooltip says it.
 */
function costDetail(summary) {
  if (summary.costUsd === null) return summary.costUsdReason;
  const gbSeconds = summary.billedGbSeconds ? fmtGbSeconds(summary.billedGbSeconds) : null;
  if (!summary.costUsdNote) return gbSeconds;
  return [
    gbSeconds,
    gbSeconds ? h('br') : null,
    h('span', { class: 'cost-note' }, summary.costUsdNote),
  ];
}

const recommendations = latestOnly();

/**
 * The function's recommendations, once its own request said whether it is known: `failure` is
 * that request's error, if any. A page for an id that names no function (400) claims nothing
 * about it, and one with no data in the range does not say what the analysis found for it.
 */
async function loadRecommendations(range, failure) {
  const el = $('#recs-notice');
  const list = $('#recs');
  if (failure instanceof ApiError && failure.status === 400) {
    list.replaceChildren();
    notice(el, 'info', 'No recommendations: the address does not name a function.');
    return;
  }
  const inRange = !failure;
  notice(el, 'info', 'Loading recommendations…');
  try {
    const body = await recommendations(`/api/recommendations?functionId=${encodeURIComponent(id)}`);
    // A range picked since has its own load under way (the cards link to the range).
    if (body === undefined) return;
    const recs = body.recommendations ?? [];
    list.replaceChildren(
      ...recs.map((r) => recommendationCard(r, { showFunction: false, range: range.key })),
    );
    if (!body.run)
      notice(
        el,
        'info',
        h(
          'span',
          {},
          'No analysis has run yet. ',
          h('a', { href: '/recommendations.html' }, 'Run analyses'),
          '.',
        ),
      );
    else if (recs.length === 0)
      notice(
        el,
        'info',
        inRange
          ? 'The latest analysis found nothing to change for this function.'
          : 'The latest analysis made no recommendation for this function.',
      );
    else clearNotice(el);
  } catch (error) {
    list.replaceChildren();
    showError(el, error);
  }
}

/** The summary and then the time series of one load: a range picked since drops both. */
const figures = latestOnly();

async function load() {
  const range = currentRange();
  $('#back').href = `/?range=${range.key}`;
  const el = $('#notice');
  if (!id) {
    notice(
      el,
      'error',
      h(
        'span',
        {},
        'No function selected. Pick one on the ',
        h('a', { href: '/' }, 'fleet overview'),
        '.',
      ),
    );
    $('#recs-notice').hidden = true;
    return;
  }
  notice(el, 'info', 'Loading…');
  $('#recs-notice').hidden = true;
  let detail;
  try {
    detail = await figures(`${path}?${rangeQuery(range)}`);
  } catch (error) {
    void loadRecommendations(range, error);
    renderSummary(null, null);
    $('#charts').replaceChildren();
    if (error instanceof ApiError && error.status === 404) {
      notice(
        el,
        'info',
        `No data for this function in the last ${range.label}: no invocations, and no configuration known. Try a longer range.`,
      );
    } else {
      showError(el, error);
    }
    return;
  }
  if (detail === undefined) return;
  void loadRecommendations(range, null);
  renderSummary(detail.summary, detail.config);
  try {
    const series = await figures(`${path}/timeseries?${rangeQuery(range)}`);
    if (series === undefined) return;
    renderCharts(range, series, detail.summary);
    if (!detail.summary)
      notice(
        el,
        'info',
        `No invocations in the last ${range.label}; only the configuration is known.`,
      );
    else clearNotice(el);
  } catch (error) {
    $('#charts').replaceChildren();
    showError(el, error);
  }
}

setupPage();
$('#controls').append(rangePicker(() => void load()));
void load();

// Cold starts (/coldstarts.html): GET /api/coldstarts?groupBy=… as bar charts and a table.
import {
  $,
  COLORS,
  chartCard,
  chartDefaults,
  clearNotice,
  coldStartRateCell,
  coldStartsUnknown,
  currentRange,
  drawChart,
  fmtColdStarts,
  fmtInt,
  fmtMs,
  fmtUsd,
  functionLabels,
  functionLink,
  functionName,
  h,
  isLongestRange,
  latestOnly,
  notice,
  rangePicker,
  rangeQuery,
  setupPage,
  showError,
  statCard,
} from './fleetscope.js';

const GROUPS = [
  ['function', 'Function'],
  ['version', 'Version'],
  ['runtime', 'Runtime'],
  ['memory', 'Memory size'],
  ['architecture', 'Architecture'],
  ['initType', 'Init type'],
  ['hour', 'Hour of day (UTC)'],
];
/**
 * Bars beyond this many groups would be unreadable; the table still lists every group, and the
 * chart titles say when bars are left out. The 24 hours of the day are always drawn.
 */
const MAX_BARS = 20;

/** @returns {string} */
function groupByFromUrl() {
  const value = new URLSearchParams(location.search).get('groupBy');
  return value !== null && GROUPS.some(([v]) => v === value) ? value : 'function';
}

let groupBy = groupByFromUrl();

/** The function a group is of (by function or version), else null. */
function groupFunctionId(g) {
  return groupBy === 'function' ? g.key : groupBy === 'version' ? g.labels.functionId : null;
}

/** The functions' labels (functionLabels) of a report's groups, for its table and charts alike. */
function groupNames(report) {
  return functionLabels(report.groups.map(groupFunctionId).filter(Boolean));
}

function groupLabel(g, names) {
  switch (groupBy) {
    case 'function':
      return names.get(g.key) ?? functionName(g.key);
    case 'version': {
      const id = g.labels.functionId ?? g.key;
      return `${names.get(id) ?? functionName(id)} : ${g.labels.version ?? ''}`;
    }
    case 'memory':
      return g.key === 'unknown' ? 'unknown' : `${g.key} MB`;
    case 'hour':
      return `${String(g.key).padStart(2, '0')}:00`;
    default:
      return g.key;
  }
}

function groupCell(g, range, names) {
  const functionId = groupFunctionId(g);
  const label = groupLabel(g, names);
  return functionId ? functionLink(functionId, label, range.key) : label;
}

/** @type {[string, (g: any) => string | Node][]} */
const COLUMNS = [
  ['Functions', (g) => fmtInt(g.functions)],
  ['Invocations', (g) => fmtInt(g.invocations)],
  ['Cold starts', (g) => fmtColdStarts(g)],
  ['Rate', (g) => coldStartRateCell(g)],
  ['Init p50', (g) => fmtMs(g.onDemand.initDurationMs.p50)],
  ['Init p95', (g) => fmtMs(g.onDemand.initDurationMs.p95)],
  ['Init p99', (g) => fmtMs(g.onDemand.initDurationMs.p99)],
  ['Restores', (g) => fmtInt(g.snapStart.restores)],
  ['Restore p95', (g) => fmtMs(g.snapStart.restoreDurationMs.p95)],
  ['Latency added', (g) => knownOrUnknown(g.latencyAddedMs, fmtMs)],
  ['Cost added', (g) => knownOrUnknown(g.costUsd, fmtUsd)],
  [
    'PC / proactive inits',
    (g) => `${fmtInt(g.provisionedConcurrency.inits)} / ${fmtInt(g.proactive.inits)}`,
  ],
];

function renderTable(report, range) {
  const names = groupNames(report);
  const groupTitle = (GROUPS.find(([v]) => v === groupBy) ?? GROUPS[0])[1];
  $('#group-name').textContent = groupTitle.toLowerCase();
  $('#groups thead').replaceChildren(
    h(
      'tr',
      {},
      h('th', { scope: 'col' }, groupTitle),
      COLUMNS.map(([label]) => h('th', { scope: 'col', class: 'numeric' }, label)),
    ),
  );
  $('#groups tbody').replaceChildren(
    ...report.groups.map((g) =>
      h(
        'tr',
        { dataset: { key: g.key } },
        h('th', { scope: 'row' }, groupCell(g, range, names)),
        COLUMNS.map(([, cell]) => h('td', { class: 'numeric' }, cell(g))),
      ),
    ),
  );
  $('#groups tfoot').replaceChildren(
    h(
      'tr',
      {},
      h('th', { scope: 'row' }, 'All'),
      COLUMNS.map(([, cell]) => h('td', { class: 'numeric' }, cell(report.totals))),
    ),
  );
  $('#table-panel').hidden = false;
}

function bars(label, data, color, extra = {}) {
  return { label, data, backgroundColor: color, borderRadius: 3, maxBarThickness: 36, ...extra };
}

function barOptions(yTitle, { integer = false, stacked = false, percent = false } = {}) {
  return {
    scales: {
      x: {
        stacked,
        grid: { display: false },
        ticks: { maxRotation: 40, autoSkip: false },
        // Not drawn: it heads the chart's data table (chartCard).
        title: { display: false, text: (GROUPS.find(([v]) => v === groupBy) ?? GROUPS[0])[1] },
      },
      y: {
        stacked,
        beginAtZero: true,
        title: { display: true, text: yTitle },
        ticks: {
          ...(integer ? { precision: 0 } : {}),
          ...(percent ? { callback: (v) => `${v} %` } : {}),
        },
      },
    },
  };
}

/** An hour of the day without invocations, drawn as such: no cold starts, no rate or duration. */
function quietHour(hour) {
  const none = { p50: null, p95: null, p99: null };
  return {
    key: String(hour),
    labels: { hourUtc: String(hour) },
    onDemand: { coldStarts: 0, initDurationMs: none },
    snapStart: { restores: 0 },
    coldStartRate: null,
    latencyAddedMs: null,
  };
}

/**
 * The groups the charts draw: by hour, every hour of the day in order (the first 20 left 20:00 to
 * 23:00 out); else the MAX_BARS with the most cold starts (the API's order).
 */
function chartGroups(groups) {
  if (groupBy !== 'hour') return groups.slice(0, MAX_BARS);
  const byHour = new Map(groups.map((g) => [Number(g.key), g]));
  return Array.from({ length: 24 }, (_, hour) => byHour.get(hour) ?? quietHour(hour));
}

function renderCharts(report) {
  chartDefaults();
  const shown = chartGroups(report.groups);
  const names = groupNames(report);
  const labels = shown.map((g) => groupLabel(g, names));
  const cut = groupBy !== 'hour' && report.groups.length > shown.length;
  const title = (text) =>
    cut ? `${text} · top ${shown.length} of ${report.groups.length} by cold starts` : text;
  const cards = [
    chartCard(
      'chart-counts',
      title('Cold starts'),
      'Cold starts per group: on-demand inits and SnapStart restores',
    ),
    chartCard(
      'chart-rates',
      title('Cold-start rate'),
      'Share of invocations that started cold, per group',
    ),
    chartCard(
      'chart-init',
      title('Init duration (on-demand)'),
      'On-demand init duration p50, p95 and p99 per group, in milliseconds',
    ),
    chartCard(
      'chart-latency',
      title('Latency added'),
      'Total latency cold starts added per group, in seconds',
    ),
  ];
  $('#charts').replaceChildren(...cards.map((c) => c.card));
  const [counts, rates, init, latency] = cards.map((c) => c.canvas);
  drawChart(counts, {
    type: 'bar',
    data: {
      labels,
      datasets: [
        bars(
          'On-demand',
          // No bar, not 0, where no invocation said whether it started cold.
          shown.map((g) => (coldStartsUnknown(g) ? null : g.onDemand.coldStarts)),
          COLORS.blue,
        ),
        bars(
          'SnapStart restores',
          shown.map((g) => g.snapStart.restores),
          COLORS.violet,
        ),
      ],
    },
    options: barOptions('cold starts', { integer: true, stacked: true }),
  });
  drawChart(rates, {
    type: 'bar',
    data: {
      labels,
      datasets: [
        bars(
          'Cold-start rate',
          // No bar, not 0 %, where no invocation said whether it started cold.
          shown.map((g) =>
            g.coldStartRate === null ? null : Math.round(g.coldStartRate * 10_000) / 100,
          ),
          COLORS.amber,
        ),
      ],
    },
    options: {
      ...barOptions('% of invocations', { percent: true }),
      plugins: { legend: { display: false } },
    },
  });
  drawChart(init, {
    type: 'bar',
    data: {
      labels,
      datasets: [
        bars(
          'p50',
          shown.map((g) => g.onDemand.initDurationMs.p50),
          COLORS.blue,
        ),
        bars(
          'p95',
          shown.map((g) => g.onDemand.initDurationMs.p95),
          COLORS.amber,
        ),
        bars(
          'p99',
          shown.map((g) => g.onDemand.initDurationMs.p99),
          COLORS.red,
        ),
      ],
    },
    options: barOptions('ms'),
  });
  drawChart(latency, {
    type: 'bar',
    data: {
      labels,
      datasets: [
        bars(
          'Latency added',
          // Unknown (no init duration recorded) is a gap, not 0.
          shown.map((g) => (g.latencyAddedMs === null ? null : g.latencyAddedMs / 1000)),
          COLORS.teal,
        ),
      ],
    },
    options: { ...barOptions('seconds'), plugins: { legend: { display: false } } },
  });
}

function renderStats(report) {
  const t = report.totals;
  $('#stats').replaceChildren(
    statCard('Cold starts', fmtColdStarts(t), coldStartRateCell(t)),
    statCard(
      'On-demand inits',
      // Of the invocations whose start is known, as the cold starts: unknown where none is.
      fmtColdStarts({ ...t, coldStarts: t.onDemand.coldStarts }),
      `p95 ${fmtMs(t.onDemand.initDurationMs.p95)}`,
    ),
    statCard(
      'SnapStart restores',
      fmtInt(t.snapStart.restores),
      `p95 ${fmtMs(t.snapStart.restoreDurationMs.p95)}`,
    ),
    statCard('Latency added', knownOrUnknown(t.latencyAddedMs, fmtMs), coveredCell(t)),
    statCard('Cost added', knownOrUnknown(t.costUsd, fmtUsd), coveredCell(t)),
    statCard(
      'Not cold starts',
      fmtInt(t.provisionedConcurrency.inits + t.proactive.inits),
      'PC and proactive inits',
    ),
  );
  $('#footnote').textContent = report.catalogueVersion
    ? `Cost of billed INIT and SnapStart restores from the price catalogue ${report.catalogueVersion}.`
    : '';
}

const coldStarts = latestOnly();

async function load() {
  const range = currentRange();
  const el = $('#notice');
  notice(el, 'info', 'Loading cold starts…');
  let report;
  try {
    report = await coldStarts(
      `/api/coldstarts?${rangeQuery(range)}&groupBy=${encodeURIComponent(groupBy)}`,
    );
  } catch (error) {
    $('#stats').replaceChildren();
    $('#footnote').textContent = '';
    $('#charts').replaceChildren();
    $('#table-panel').hidden = true;
    showError(el, error);
    return;
  }
  // A range or grouping picked since has its own load under way.
  if (report === undefined) return;
  renderStats(report);
  if (report.groups.length === 0 || report.totals.invocations === 0) {
    $('#charts').replaceChildren();
    $('#table-panel').hidden = true;
    notice(
      el,
      'info',
      `No invocations in the last ${range.label}, so no cold starts to show.${isLongestRange(range) ? '' : ' Pick a longer range.'}`,
    );
    return;
  }
  clearNotice(el);
  renderCharts(report);
  renderTable(report, range);
}

const replay = latestOnly();

/** The "what if" panel: GET /api/keepalive/replay for the policies typed in, per function and in total. */
async function loadWhatIf() {
  const range = currentRange();
  const el = $('#whatif-notice');
  const policies = $('#whatif-policies')
    .value.split(',')
    .map((p) => p.trim())
    .filter((p) => p !== '');
  const query = policies.map((p) => `policy=${encodeURIComponent(p)}`).join('&');
  notice(el, 'info', 'Replaying…');
  // Rows and totals of an earlier range or policy must not stand under an error or an empty range.
  const clear = () => {
    for (const part of ['thead', 'tbody', 'tfoot']) $(`#whatif ${part}`).replaceChildren();
    $('#whatif-notes').replaceChildren();
  };
  let report;
  try {
    report = await replay(`/api/keepalive/replay?${rangeQuery(range)}&${query}`);
  } catch (error) {
    clear();
    showError(el, error);
    return;
  }
  // A range or policy picked since has its own replay under way.
  if (report === undefined) return;
  if (report.functions.length === 0) {
    clear();
    notice(el, 'info', `No invocations in the last ${range.label} to replay.`);
    return;
  }
  clearNotice(el);
  const gbs = (v) => (v === null ? '—' : v.toLocaleString('en', { maximumFractionDigits: 1 }));
  $('#whatif thead').replaceChildren(
    h(
      'tr',
      {},
      h('th', { scope: 'col' }, 'Function'),
      ...report.policies.flatMap((p) => [
        h('th', { scope: 'col', class: 'num' }, `${p}: cold starts`),
        h('th', { scope: 'col', class: 'num' }, `${p}: idle GB-s`),
        h('th', { scope: 'col', class: 'num' }, `${p}: idle $`),
      ]),
    ),
  );
  const names = functionLabels(report.functions.map((f) => f.id));
  $('#whatif tbody').replaceChildren(
    ...report.functions.map((f) =>
      h(
        'tr',
        {},
        h('td', {}, functionLink(f.id, names.get(f.id), range.key)),
        ...report.policies.flatMap((p) => [
          h(
            'td',
            { class: 'num', ...(f.results[p].note ? { title: f.results[p].note } : {}) },
            `${fmtInt(f.results[p].coldStarts)}${noteMark(report, f.results[p])}`,
          ),
          h('td', { class: 'num' }, gbs(f.results[p].wastedGbSeconds)),
          h('td', { class: 'num' }, fmtUsd(f.results[p].wastedUsd)),
        ]),
      ),
    ),
  );
  $('#whatif tfoot').replaceChildren(
    h(
      'tr',
      {},
      h('th', { scope: 'row' }, 'All'),
      ...report.policies.flatMap((p) => [
        h('td', { class: 'num' }, fmtInt(report.totals[p].coldStarts)),
        totalGbsCell(report.totals[p], report.functions.length, gbs),
        // Only pods are billed while idle: no total where no function is.
        h('td', { class: 'num' }, fmtUsd(report.totals[p].wastedUsd)),
      ]),
    ),
  );
  $('#whatif-notes').replaceChildren(...whatIfNotes(report));
}

/**
 * The idle GB-s of all functions: the API sums those whose memory size is known (null when none
 * is), and a sum of some says of how many.
 */
function totalGbsCell(total, functions, gbs) {
  if (total.wastedGbSeconds === null) {
    return h(
      'td',
      { class: 'num', title: 'No function’s memory size is known: idle memory-time unknown.' },
      'unknown',
    );
  }
  if (total.functions >= functions) return h('td', { class: 'num' }, gbs(total.wastedGbSeconds));
  return h(
    'td',
    { class: 'num' },
    gbs(total.wastedGbSeconds),
    h(
      'small',
      { class: 'secondary known-of' },
      ` known for ${fmtInt(total.functions)} of ${fmtInt(functions)} functions`,
    ),
  );
}

/** After a figure with a note, that note's mark (`*1`, `†2`, `?3`: the notes under the table). */
function noteMark(report, result) {
  if (!result.note) return '';
  return ` ${report.notes.find((n) => n.note === result.note)?.mark ?? '*'}`;
}

/** One line per note (grouped by the server): its mark, policies and functions, what it says. */
function whatIfNotes(report) {
  return report.notes.map((n) =>
    h(
      'p',
      {},
      `${n.mark} ${n.policies.map((p) => `${p.policy}: ${fmtInt(p.functions)} function${p.functions === 1 ? '' : 's'}`).join(', ')}. ${n.note}`,
    ),
  );
}

setupPage();
const select = h(
  'select',
  {
    id: 'group-by',
    onchange: (event) => {
      groupBy = event.target.value;
      const url = new URL(location.href);
      url.searchParams.set('groupBy', groupBy);
      history.replaceState(null, '', url);
      void load();
    },
  },
  GROUPS.map(([value, label]) => h('option', { value, selected: value === groupBy }, label)),
);
$('#controls').append(
  h('div', { class: 'field' }, h('label', { for: 'group-by' }, 'Group by'), select),
  rangePicker(() => {
    void load();
    void loadWhatIf();
  }),
);
$('#whatif-form').addEventListener('submit', (event) => {
  event.preventDefault();
  void loadWhatIf();
});
void load();
void loadWhatIf();

/** A figure the API gives as null when no cold start of the group has an init duration. */
function knownOrUnknown(value, format) {
  return value === null || value === undefined ? 'unknown' : format(value);
}

/** Which cold starts the latency and cost added cover: those with a recorded init duration. */
function coveredCell(t) {
  if (t.coldStartsWithInit === undefined || t.coldStartsWithInit === t.coldStarts) return undefined;
  return `from ${fmtInt(t.coldStartsWithInit)} of ${fmtInt(t.coldStarts)} cold starts (the others have no init duration)`;
}

// Fleet overview (/): GET /api/functions as a sortable table with fleet totals.
import {
  $,
  clearNotice,
  coldStartRateCell,
  collectorPorts,
  currentRange,
  fmtColdStarts,
  fmtInt,
  fmtMb,
  fmtMs,
  fmtPct,
  fmtUsd,
  functionLabels,
  functionLink,
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

/** The table's columns: how to read, sort and show each. */
const COLUMNS = [
  { key: 'name', label: 'Function', value: (f) => label(f).toLowerCase(), cell: functionCell },
  { key: 'runtime', label: 'Runtime', value: (f) => f.runtime, cell: (f) => f.runtime || '—' },
  {
    key: 'invocations',
    label: 'Invocations',
    numeric: true,
    value: (f) => f.invocations,
    cell: (f) => fmtInt(f.invocations),
  },
  { key: 'errors', label: 'Errors', numeric: true, value: (f) => f.errors, cell: errorsCell },
  {
    key: 'timeouts',
    label: 'Timeouts',
    numeric: true,
    value: (f) => f.timeouts,
    cell: timeoutsCell,
  },
  {
    key: 'coldStartRate',
    label: 'Cold-start rate',
    numeric: true,
    value: (f) => f.coldStartRate,
    cell: coldStartCell,
  },
  {
    key: 'p50',
    label: 'p50',
    numeric: true,
    value: (f) => f.durationMs.p50,
    cell: (f) => fmtMs(f.durationMs.p50),
  },
  {
    key: 'p95',
    label: 'p95',
    numeric: true,
    value: (f) => f.durationMs.p95,
    cell: (f) => fmtMs(f.durationMs.p95),
  },
  {
    key: 'p99',
    label: 'p99',
    numeric: true,
    value: (f) => f.durationMs.p99,
    cell: (f) => fmtMs(f.durationMs.p99),
  },
  {
    key: 'memoryMb',
    label: 'Memory',
    numeric: true,
    value: (f) => f.memoryMb,
    cell: (f) => fmtMb(f.memoryMb),
  },
  {
    key: 'maxMemoryUsedMb',
    label: 'Max used',
    numeric: true,
    value: (f) => f.maxMemoryUsedMb,
    cell: maxUsedCell,
  },
  {
    key: 'costUsd',
    label: 'Cost',
    numeric: true,
    value: (f) => f.costUsd,
    cell: costCell,
  },
];

/**
 * `fleet`: GET /api/functions' cold starts of every function, the rate by the server's rule.
 * `range`: the range the functions shown are of, which a range picked since is not until its
 * answer comes (the table is redrawn by a sort or the filter meanwhile). `labels`: each
 * function's label (functionLabels).
 * @type {{ functions: any[], fleet: any, sort: { key: string, dir: string }, filter: string, range: any, labels: Map<string, string> }}
 */
const state = {
  functions: [],
  fleet: null,
  sort: { key: 'invocations', dir: 'descending' },
  filter: '',
  range: currentRange(),
  labels: new Map(),
};

const label = (f) => state.labels.get(f.id) ?? f.name;

function functionCell(f) {
  const version = /^\d+$/.test(f.version) ? `v${f.version}` : f.version;
  const meta = [f.platform, f.region, version].filter(Boolean).join(' · ');
  return [
    functionLink(f.id, label(f), state.range.key, { class: 'fn-name' }),
    h('span', { class: 'fn-meta' }, meta),
  ];
}

/** A value with a muted share after it, e.g. `2 (5.0 %)`. */
function withShare(primary, share) {
  return share === null
    ? primary
    : [primary, ' ', h('span', { class: 'secondary' }, `(${fmtPct(share)})`)];
}

/** A count of failed invocations, in red with its share when there are any. */
function failuresCell(count, invocations) {
  if (count === 0) return '0';
  return withShare(
    h('span', { class: 'bad' }, fmtInt(count)),
    invocations > 0 ? count / invocations : null,
  );
}

function errorsCell(f) {
  return failuresCell(f.errors, f.invocations);
}

/** Counted apart from errors by the API: without it a function that only timed out read 0. */
function timeoutsCell(f) {
  return failuresCell(f.timeouts, f.invocations);
}

function coldStartCell(f) {
  return coldStartRateCell(f);
}

/**
 * A function's cost (its title says what the server counted over part of a day, if anything), or
 * a muted dash whose title says why the server could not price it.
 */
function costCell(f) {
  if (f.costUsd !== null) {
    // Marked, as the cold-start rates are: the note (a price not sourced for the region, a part
    // day) is in the title and under the table, where touch and keyboard reach it too.
    return f.costUsdNote
      ? h('span', { title: f.costUsdNote }, `${fmtUsd(f.costUsd)}*`)
      : fmtUsd(f.costUsd);
  }
  return h('span', { class: 'secondary', title: f.costUsdReason ?? 'Not priced.' }, '—');
}

function maxUsedCell(f) {
  if (f.maxMemoryUsedMb === null) return '—';
  return withShare(fmtMb(f.maxMemoryUsedMb), f.memoryMb ? f.maxMemoryUsedMb / f.memoryMb : null);
}

function compare(a, b, column, dir) {
  const va = column.value(a);
  const vb = column.value(b);
  // Missing values sort last in both directions.
  if (va === null || va === undefined || va === '')
    return vb === null || vb === undefined || vb === '' ? 0 : 1;
  if (vb === null || vb === undefined || vb === '') return -1;
  const order = typeof va === 'string' ? va.localeCompare(vb) : va - vb;
  return dir === 'ascending' ? order : -order;
}

function renderHead() {
  const row = h('tr');
  for (const column of COLUMNS) {
    const sorted = state.sort.key === column.key;
    row.append(
      h(
        'th',
        {
          scope: 'col',
          class: column.numeric ? 'numeric' : '',
          'aria-sort': sorted ? state.sort.dir : null,
        },
        h(
          'button',
          {
            type: 'button',
            class: 'sort',
            dataset: { sort: column.key },
            onclick: () => {
              const dir = sorted
                ? state.sort.dir === 'ascending'
                  ? 'descending'
                  : 'ascending'
                : column.numeric
                  ? 'descending'
                  : 'ascending';
              state.sort = { key: column.key, dir };
              renderTable();
            },
          },
          column.label,
        ),
      ),
    );
  }
  $('#functions thead').replaceChildren(row);
}

function renderTable() {
  renderHead();
  const column = COLUMNS.find((c) => c.key === state.sort.key);
  const needle = state.filter.trim().toLowerCase();
  const rows = state.functions
    .filter(
      (f) =>
        !needle || f.name.toLowerCase().includes(needle) || f.id.toLowerCase().includes(needle),
    )
    .sort((a, b) => compare(a, b, column, state.sort.dir));
  const body = $('#functions tbody');
  body.replaceChildren(
    ...rows.map((f) =>
      h(
        'tr',
        { dataset: { id: f.id } },
        COLUMNS.map((c) =>
          c.key === 'name'
            ? h('th', { scope: 'row', dataset: { col: c.key } }, c.cell(f))
            : h('td', { class: c.numeric ? 'numeric' : '', dataset: { col: c.key } }, c.cell(f)),
        ),
      ),
    ),
  );
  if (rows.length === 0) {
    body.append(
      h(
        'tr',
        {},
        h(
          'td',
          { colspan: COLUMNS.length, class: 'muted' },
          `No function matches “${state.filter}”.`,
        ),
      ),
    );
  }
  $('#functions-caption').textContent =
    `${rows.length} of ${state.functions.length} functions, last ${state.range.label}. Select a column header to sort.`;
}

function renderStats() {
  const fs = state.functions;
  const sum = (pick) => fs.reduce((total, f) => total + (pick(f) ?? 0), 0);
  const invocations = sum((f) => f.invocations);
  const errors = sum((f) => f.errors);
  const timeouts = sum((f) => f.timeouts);
  const coldStarts = state.fleet;
  const priced = fs.filter((f) => f.costUsd !== null);
  // A total of costs with notes (a pod's lower bound, a price not sourced for the region) carries
  // their mark and notes, as the costs do: it is no more than they are.
  const totalNotes = [...new Set(priced.map((f) => f.costUsdNote).filter(Boolean))];
  const total = priced.length ? fmtUsd(sum((f) => f.costUsd)) : '—';
  $('#stats').replaceChildren(
    statCard('Functions', fmtInt(fs.length)),
    statCard('Invocations', fmtInt(invocations)),
    statCard('Errors', fmtInt(errors), invocations ? fmtPct(errors / invocations) : null),
    statCard('Timeouts', fmtInt(timeouts), invocations ? fmtPct(timeouts / invocations) : null),
    statCard(
      'Cold starts',
      coldStarts ? fmtColdStarts(coldStarts) : '—',
      coldStarts && invocations ? coldStartRateCell(coldStarts) : null,
    ),
    statCard(
      'Cost',
      totalNotes.length
        ? h('span', { class: 'cost-total', title: totalNotes.join(' ') }, `${total}*`)
        : total,
      [
        // A total that leaves functions out says so: it is not the fleet's cost.
        priced.length < fs.length
          ? `priced functions only: ${fmtInt(priced.length)} of ${fmtInt(fs.length)} (${fmtInt(fs.length - priced.length)} not priced)`
          : null,
        totalNotes.length ? '* sums costs marked * in the table: see the notes below it' : null,
      ]
        .filter(Boolean)
        .join('; ') || null,
    ),
  );
  const catalogues = [...new Set(fs.map((f) => f.pricing?.catalogueVersion).filter(Boolean))];
  $('#footnote').textContent = catalogues.length
    ? `Costs from the price catalogue ${catalogues.join(', ')}; they cover requests and billed duration in the range, Lambda provisioned concurrency and SnapStart as the weekly report bills them, and Knative and OpenFaaS pods' time at the Kubernetes node price.${priced.length < fs.length ? ' An unpriced cost says why in its tooltip.' : ''}`
    : '';
  // Each note once, with how many functions it concerns: the marked costs' notes, readable without
  // a pointer (a title is not).
  const notes = new Map();
  for (const f of fs)
    if (f.costUsdNote) notes.set(f.costUsdNote, (notes.get(f.costUsdNote) ?? 0) + 1);
  $('#footnote').append(
    ...[...notes].flatMap(([note, count]) => [
      h('br', {}),
      h(
        'span',
        { class: 'cost-note' },
        `* ${fmtInt(count)} function${count === 1 ? '' : 's'}: ${note}`,
      ),
    ]),
  );
}

const listFunctions = latestOnly();

/** Rows of the range before stay until the answer: the table says they are being replaced. */
function setBusy(busy) {
  if (busy) $('#functions').setAttribute('aria-busy', 'true');
  else $('#functions').removeAttribute('aria-busy');
}

let loads = 0;

async function load() {
  const call = ++loads;
  const range = currentRange();
  const el = $('#notice');
  notice(el, 'info', 'Loading functions…');
  setBusy(true);
  let body;
  try {
    body = await listFunctions(`/api/functions?${rangeQuery(range)}`);
  } catch (error) {
    setBusy(false);
    state.functions = [];
    state.fleet = null;
    $('#stats').replaceChildren();
    $('#footnote').textContent = '';
    $('#table-panel').hidden = true;
    showError(el, error);
    return;
  }
  // A range picked since has its own load under way.
  if (body === undefined) return;
  setBusy(false);
  state.range = range;
  state.functions = body.functions ?? [];
  state.fleet = body.fleet ?? null;
  state.labels = functionLabels(state.functions.map((f) => f.id));
  renderStats();
  if (state.functions.length === 0) {
    $('#table-panel').hidden = true;
    const ports = await collectorPorts();
    // The notice of a range picked since is that range's.
    if (call !== loads) return;
    notice(
      el,
      'info',
      `No invocations in the last ${range.label}. Point your functions' OpenTelemetry exporters or Lambda log subscriptions at the collector (${ports})${isLongestRange(range) ? '' : ', or pick a longer range'}.`,
    );
    return;
  }
  clearNotice(el);
  $('#table-panel').hidden = false;
  renderTable();
}

setupPage();
const filter = h('input', {
  type: 'search',
  id: 'filter',
  placeholder: 'Name or id',
  oninput: (event) => {
    state.filter = event.target.value;
    renderTable();
  },
});
$('#controls').append(
  h('div', { class: 'field' }, h('label', { for: 'filter' }, 'Filter'), filter),
  rangePicker(() => void load()),
);
void load();

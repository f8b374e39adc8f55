// Weekly reports (/reports.html): the stored weeks (GET /api/reports), building one
// (POST /api/reports/weekly), the e-mail HTML of a week in a sandboxed frame, and downloads.
// /reports.html?week=2026-W48 opens that week (the link delivered reports carry): the API's own
// report URLs need the token, which this page asks for.
import {
  $,
  ApiError,
  api,
  apiFetch,
  clearNotice,
  fmtTime,
  fmtUsd,
  h,
  latestOnly,
  notice,
  setupPage,
  showError,
} from './fleetscope.js';

const WEEK = /^\d{4}-W\d{2}$/;

/** The week the address asks for (?week=2026-W48), if it names one. */
function askedWeek() {
  const week = new URLSearchParams(location.search).get('week')?.trim() ?? '';
  return WEEK.test(week) ? week : undefined;
}

const FORMATS = [
  ['html', 'HTML'],
  ['md', 'Markdown'],
  ['json', 'JSON'],
  ['csv', 'FOCUS CSV'],
];

/** The ISO week before the current one, e.g. 2026-W48. */
function previousWeek(now = Date.now()) {
  const d = new Date(now - 7 * 86_400_000);
  const day = (d.getUTCDay() + 6) % 7;
  const thursday = new Date(
    Date.UTC(d.getUTCFullYear(), d.getUTCMonth(), d.getUTCDate() - day + 3),
  );
  const year = thursday.getUTCFullYear();
  const jan4 = new Date(Date.UTC(year, 0, 4));
  const week1 = Date.UTC(year, 0, 4 - ((jan4.getUTCDay() + 6) % 7) + 3);
  const week = 1 + Math.round((thursday.getTime() - week1) / (7 * 86_400_000));
  return `${year}-W${String(week).padStart(2, '0')}`;
}

/** A report in a non-JSON format (apiFetch(): the token and the reads' timeout as api()'s). */
async function fetchReport(path) {
  const { response, text } = await apiFetch(path);
  if (!response.ok)
    throw new ApiError(response.status, `${response.status}: ${text.slice(0, 300)}`);
  return { text, headers: response.headers };
}

async function fetchText(path) {
  return (await fetchReport(path)).text;
}

async function download(week, format) {
  try {
    const { text, headers } = await fetchReport(`/api/reports/${week}?format=${format}&download=1`);
    const type = {
      html: 'text/html',
      md: 'text/markdown',
      json: 'application/json',
      csv: 'text/csv',
    };
    // The server's file name: it says when the report is of the demo fleet.
    const name =
      /filename="([^"]+)"/.exec(headers.get('content-disposition') ?? '')?.[1] ??
      `fleetscope-${week}.${format}`;
    const url = URL.createObjectURL(new Blob([text], { type: type[format] }));
    const a = h('a', { href: url, download: name });
    document.body.append(a);
    a.click();
    a.remove();
    setTimeout(() => URL.revokeObjectURL(url), 10_000);
  } catch (error) {
    showError($('#notice'), error);
  }
}

const reportHtml = latestOnly(fetchText);

async function show(week) {
  try {
    const html = await reportHtml(`/api/reports/${week}?format=html`);
    // A week picked since has its own request under way.
    if (html === undefined) return;
    const frame = $('#report-frame');
    // A sandboxed frame (no scripts, no same-origin): the report is shown as an e-mail would be.
    frame.srcdoc = html;
    frame.hidden = false;
    const title = $('#report-title');
    title.textContent = `Report ${week}`;
    title.hidden = false;
    // The address names the week shown: it can be shared, and reloads (the token dialog) keep it.
    const url = new URL(location.href);
    url.searchParams.set('week', week);
    history.replaceState(null, '', url);
    for (const row of document.querySelectorAll('#weeks tbody tr')) {
      if (!(row instanceof HTMLElement)) continue;
      row.classList.toggle('selected', row.dataset.week === week);
    }
  } catch (error) {
    showError($('#notice'), error);
  }
}

function deliveries(list) {
  if (list.length === 0) return '—';
  const latest = new Map(list.map((d) => [d.channel, d]));
  return [...latest.values()]
    .map((d) =>
      d.status === 'failed'
        ? `${d.channel} failed after ${d.attempts} attempts: ${d.error}`
        : d.status === 'pending'
          ? `${d.channel} pending (${d.attempts} attempts so far; sent again when the analyzer next starts if cut short)`
          : `${d.channel} delivered`,
    )
    .join('; ');
}

/** The week before's cost and the change from it, e.g. `$1.20 (+$0.40)`. */
function previousText(r) {
  const change = r.totalCostUsd - r.previousTotalCostUsd;
  return `${fmtUsd(r.previousTotalCostUsd)} (${change >= 0 ? '+' : '−'}${fmtUsd(Math.abs(change))})`;
}

/**
 * The "previous week" cell. A week before without any data is "no data", not $0.00 and a change of
 * the whole cost: the list does not say which a $0.00 is, so the week's report is asked (its
 * coverage of the week before); any other figure is shown as it is.
 */
function previousCell(r) {
  const cell = h('td', { class: 'numeric', 'data-col': 'previous' });
  if (r.previousTotalCostUsd !== 0) {
    cell.textContent = previousText(r);
    return cell;
  }
  cell.textContent = '…';
  cell.setAttribute('aria-busy', 'true');
  void api(`/api/reports/${r.week}`)
    .then(
      (report) => {
        const none = report?.coverage?.previousWeek?.status === 'none';
        cell.textContent = none ? 'no data' : previousText(r);
        if (none) cell.title = 'No invocations were recorded in the week before.';
      },
      () => {
        cell.textContent = previousText(r);
      },
    )
    .finally(() => cell.removeAttribute('aria-busy'));
  return cell;
}

function row(r) {
  return h(
    'tr',
    { dataset: { week: r.week } },
    h(
      'td',
      { 'data-col': 'week' },
      h('button', { type: 'button', class: 'link', onclick: () => void show(r.week) }, r.week),
    ),
    h('td', { class: 'numeric', 'data-col': 'cost' }, fmtUsd(r.totalCostUsd)),
    previousCell(r),
    h(
      'td',
      { 'data-col': 'coverage' },
      r.complete === false ? `${r.coverageStatus}, week in progress` : r.coverageStatus,
    ),
    h('td', { 'data-col': 'deliveries' }, deliveries(r.deliveries)),
    h('td', { 'data-col': 'built' }, fmtTime(r.builtAt)),
    h(
      'td',
      { 'data-col': 'downloads' },
      FORMATS.map(([format, label]) =>
        h(
          'button',
          {
            type: 'button',
            class: 'link',
            'data-format': format,
            onclick: () => void download(r.week, format),
          },
          label,
        ),
      ),
    ),
  );
}

async function load() {
  const el = $('#notice');
  let body;
  try {
    body = await api('/api/reports');
  } catch (error) {
    showError(el, error);
    return;
  }
  const reports = body.reports ?? [];
  $('#weeks tbody').replaceChildren(...reports.map(row));
  $('#weeks-panel').hidden = reports.length === 0;
  if (reports.length === 0) {
    notice(el, 'info', 'No report has been built yet. Build one for a week above.');
  } else clearNotice(el);
  return reports;
}

async function build(event) {
  event.preventDefault();
  const week = $('#week-input').value.trim();
  const button = $('#build-button');
  const el = $('#notice');
  button.disabled = true;
  notice(el, 'info', `Building the report of ${week}…`);
  try {
    const report = await api('/api/reports/weekly', {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ week }),
    });
    await load();
    notice(
      el,
      report.coverage.status === 'complete' && report.complete !== false ? 'ok' : 'info',
      `${week}: ${fmtUsd(report.totalCostUsd)}${report.complete === false ? ' so far (week in progress, not its final report)' : ''}. ${report.coverage.message}`,
    );
    await show(week);
  } catch (error) {
    showError(el, error);
  } finally {
    button.disabled = false;
  }
}

setupPage();
const asked = askedWeek();
$('#week-input').value = asked ?? previousWeek();
$('#build-form').addEventListener('submit', (event) => void build(event));
void load().then((reports) => {
  // Not loaded (no token yet): load() said why; saving the token reloads this address.
  if (!reports) return;
  if (asked && !reports.some((r) => r.week === asked)) {
    notice($('#notice'), 'info', `No report for ${asked} has been built yet. Build it above.`);
  } else if (asked || reports.length > 0) void show(asked ?? reports[0].week);
});

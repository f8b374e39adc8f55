// Recommendations (/recommendations.html): GET /api/recommendations by kind, and a button that
// runs every analysis now (POST /api/analyses/run).
import {
  $,
  api,
  clearNotice,
  fmtInt,
  fmtTime,
  fmtUsd,
  h,
  notice,
  segmented,
  setupPage,
  showError,
  statCard,
} from './fleetscope.js';
import { KIND_LABELS, recommendationCard } from './recommendation-card.js';

const KINDS = [
  { value: '', label: 'All' },
  ...Object.entries(KIND_LABELS).map(([value, label]) => ({ value, label })),
];

function kindFromUrl() {
  const value = new URLSearchParams(location.search).get('kind') ?? '';
  return KINDS.some((k) => k.value === value) ? value : '';
}

let kind = kindFromUrl();

function days(run) {
  const ms = Date.parse(run.window.to) - Date.parse(run.window.from);
  const d = Math.round(ms / 86_400_000);
  return d >= 1 ? `${d} day${d === 1 ? '' : 's'}` : `${Math.round(ms / 3_600_000)} hours`;
}

function renderStats(recs) {
  const savings = recs
    .filter((r) => r.monthlyImpactUsd > 0)
    .reduce((s, r) => s + r.monthlyImpactUsd, 0);
  const costs = recs
    .filter((r) => r.monthlyImpactUsd < 0)
    .reduce((s, r) => s - r.monthlyImpactUsd, 0);
  const count = (severity) => recs.filter((r) => r.severity === severity).length;
  $('#stats').replaceChildren(
    statCard('Recommendations', fmtInt(recs.length)),
    statCard(
      'Critical',
      fmtInt(count('critical')),
      `${fmtInt(count('warning'))} ${count('warning') === 1 ? 'warning' : 'warnings'}`,
    ),
    statCard('Monthly savings', fmtUsd(savings)),
    statCard('Monthly cost of fixes', fmtUsd(costs)),
  );
}

async function load() {
  const el = $('#notice');
  notice(el, 'info', 'Loading recommendations…');
  let body;
  try {
    body = await api(`/api/recommendations${kind ? `?kind=${encodeURIComponent(kind)}` : ''}`);
  } catch (error) {
    $('#stats').replaceChildren();
    $('#recs').replaceChildren();
    showError(el, error);
    return;
  }
  const recs = body.recommendations ?? [];
  $('#recs').replaceChildren(...recs.map((r) => recommendationCard(r)));
  if (!body.run) {
    $('#stats').replaceChildren();
    $('#run-info').textContent = 'No analysis has run yet.';
    $('#footnote').textContent = '';
    notice(
      el,
      'info',
      'No analysis has run yet. The analyzer runs on its schedule, or press “Run analyses now”.',
    );
    return;
  }
  const run = body.run;
  $('#run-info').textContent =
    `Latest run finished ${fmtTime(run.finishedAt)} over the last ${days(run)} of data: ${fmtInt(run.recommendations)} recommendations in all.`;
  $('#footnote').textContent =
    `Dollar figures use the price catalogue ${run.catalogueVersion}. Positive impact is a saving per month.`;
  renderStats(recs);
  if (recs.length === 0) {
    const what = kind ? `${KIND_LABELS[kind].toLowerCase()} ` : '';
    notice(el, 'info', `The latest analysis found no ${what}recommendations.`);
  } else {
    clearNotice(el);
  }
}

async function runNow(button) {
  const el = $('#notice');
  button.disabled = true;
  button.textContent = 'Running…';
  notice(el, 'info', 'Running every analysis over the fleet…');
  try {
    const summary = await api('/api/analyses/run', { method: 'POST' });
    await load();
    const failures = summary.failureCount
      ? `, ${fmtInt(summary.failureCount)} analyses failed`
      : '';
    notice(
      el,
      summary.status === 'ok' ? 'ok' : 'error',
      summary.status === 'ok'
        ? `Analysed ${fmtInt(summary.functions)} functions: ${fmtInt(summary.recommendations)} recommendations${failures}.`
        : `The analysis run failed: ${summary.message}`,
    );
  } catch (error) {
    showError(el, error);
  } finally {
    button.disabled = false;
    button.textContent = 'Run analyses now';
  }
}

setupPage();
const runButton = h(
  'button',
  { type: 'button', class: 'primary', id: 'run-analyses' },
  'Run analyses now',
);
runButton.addEventListener('click', () => void runNow(runButton));
$('#controls').append(
  segmented('kind', 'Kind', KINDS, kind, (value) => {
    kind = value;
    const url = new URL(location.href);
    if (kind) url.searchParams.set('kind', kind);
    else url.searchParams.delete('kind');
    history.replaceState(null, '', url);
    void load();
  }),
  runButton,
);
void load();

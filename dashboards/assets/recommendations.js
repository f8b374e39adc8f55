// Recommendations (/recommendations.html): GET /api/recommendations by kind, grouped per function
// as one plan (reliability fixes first, changes that can be done together and their total, and
// exclusive options beside them, never added); on request, why the other functions got nothing
// (explain=1); and a button that runs every analysis now (POST /api/analyses/run).
import {
  $,
  api,
  clearNotice,
  fmtInt,
  fmtTime,
  functionLabels,
  functionLink,
  h,
  latestOnly,
  notice,
  savingPhrase,
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
let explain = new URLSearchParams(location.search).get('explain') === '1';

const WHY_NOT_LABELS = {
  'insufficient-evidence': 'insufficient evidence',
  'below-materiality': 'below materiality',
  'already-right': 'already right',
  'not-applicable': 'not applicable',
};

function days(run) {
  const ms = Date.parse(run.window.to) - Date.parse(run.window.from);
  const d = Math.round(ms / 86_400_000);
  return d >= 1 ? `${d} day${d === 1 ? '' : 's'}` : `${Math.round(ms / 3_600_000)} hours`;
}

/** The plans' total, done together (the API's totalWords): what it saves, or, when it costs more, says so. */
function savingCard(words) {
  return words.saving === false
    ? statCard('Monthly cost, done together', words.text)
    : statCard('Monthly savings, done together', words.text);
}

function renderStats(plans, totalWords) {
  const fixes = plans.flatMap((p) => p.fixes);
  const critical = fixes.filter((r) => r.severity === 'critical').length;
  const options = plans.flatMap((p) => p.options);
  $('#stats').replaceChildren(
    statCard('Functions with a plan', fmtInt(plans.length)),
    statCard('Reliability fixes', fmtInt(fixes.length), `${fmtInt(critical)} critical`),
    savingCard(totalWords),
    statCard('Options shown apart', fmtInt(options.length), 'not added to the total'),
  );
}

function section(title, className, recs) {
  if (recs.length === 0) return null;
  return h(
    'section',
    { class: `plan-part ${className}` },
    h('h3', {}, title),
    h(
      'ul',
      { class: 'rec-list' },
      recs.map((r) => {
        const card = recommendationCard(r, { showFunction: false });
        // An option's saving is against the bill its analysis names: today's, or after the
        // memory change above (evidence.savingBaseline); the heading cannot say which.
        const baseline = r.evidence?.savingBaseline;
        if (className === 'options' && typeof baseline === 'string') {
          card.prepend(h('p', { class: 'saving-baseline' }, `Saving against: ${baseline}.`));
        }
        return card;
      }),
    ),
  );
}

function planItem(plan, names) {
  const totalText =
    plan.changes.length === 0 ? '' : `${savingPhrase(plan.totalWords)}, done together`;
  return h(
    'li',
    { class: 'panel plan', dataset: { functionId: plan.functionId } },
    h(
      'div',
      { class: 'plan-head' },
      h('h2', {}, functionLink(plan.functionId, names.get(plan.functionId))),
      h('span', { class: 'plan-total' }, totalText),
    ),
    section('Fix first', 'fixes', plan.fixes),
    section('Changes (can be done together)', 'changes', plan.changes),
    section(
      'Or instead (not in the total; each says the bill its saving is measured against)',
      'options',
      plan.options,
    ),
    section(
      'After the memory change (re-evaluate then; not in the total)',
      'follow-ups',
      plan.followUps ?? [],
    ),
  );
}

function renderWhyNot(whyNot) {
  const el = $('#why-not');
  if (!explain || !whyNot) {
    el.replaceChildren();
    el.hidden = true;
    return;
  }
  const byFunction = new Map();
  for (const w of whyNot) {
    const list = byFunction.get(w.functionId) ?? [];
    list.push(w);
    byFunction.set(w.functionId, list);
  }
  const names = functionLabels(byFunction.keys());
  el.hidden = false;
  el.replaceChildren(
    h('h2', {}, 'Why not: what each function was not advised'),
    byFunction.size === 0
      ? h('p', {}, 'Every analysed function has a recommendation of every kind.')
      : h(
          'ul',
          { class: 'why-not-list' },
          [...byFunction].map(([functionId, reasons]) =>
            h(
              'li',
              { class: 'panel', dataset: { functionId } },
              h('h3', {}, functionLink(functionId, names.get(functionId))),
              h(
                'dl',
                {},
                reasons.map((w) => [
                  h(
                    'dt',
                    {},
                    `${KIND_LABELS[w.kind] ?? w.kind}: ${WHY_NOT_LABELS[w.code] ?? w.code}`,
                  ),
                  h('dd', { dataset: { code: w.code } }, w.detail),
                ]),
              ),
            ),
          ),
        ),
  );
}

const recommendations = latestOnly();

async function load() {
  const el = $('#notice');
  notice(el, 'info', 'Loading recommendations…');
  let body;
  try {
    const query = new URLSearchParams();
    if (kind) query.set('kind', kind);
    if (explain) query.set('explain', '1');
    body = await recommendations(`/api/recommendations${query.size > 0 ? `?${query}` : ''}`);
  } catch (error) {
    $('#stats').replaceChildren();
    $('#recs').replaceChildren();
    renderWhyNot(undefined);
    $('#run-info').textContent = '';
    $('#footnote').textContent = '';
    showError(el, error);
    return;
  }
  // A kind or the "why not" toggle picked since has its own load under way.
  if (body === undefined) return;
  const recs = body.recommendations ?? [];
  const plans = body.plans ?? [];
  const names = functionLabels(plans.map((p) => p.functionId));
  $('#recs').replaceChildren(...plans.map((p) => planItem(p, names)));
  renderWhyNot(body.whyNot);
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
    `Latest run finished ${fmtTime(run.finishedAt)} over the last ${days(run)} of data: ${fmtInt(run.recommendations)} ${run.recommendations === 1 ? 'recommendation' : 'recommendations'} in all.`;
  $('#footnote').textContent =
    `Dollar figures use the price catalogue ${run.catalogueVersion}. Savings are ranges per month; a plan's total adds only what can be done together.`;
  renderStats(plans, body.totalWords);
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
  whyNotToggle(),
  runButton,
);
void load();

function whyNotToggle() {
  const input = h('input', { type: 'checkbox', id: 'explain' });
  input.checked = explain;
  input.addEventListener('change', () => {
    explain = input.checked;
    const url = new URL(location.href);
    if (explain) url.searchParams.set('explain', '1');
    else url.searchParams.delete('explain');
    history.replaceState(null, '', url);
    void load();
  });
  return h('label', { class: 'toggle' }, input, ' Why not the others?');
}

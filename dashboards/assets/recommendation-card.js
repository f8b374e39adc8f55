// One recommendation of GET /api/recommendations as a list item: severity, kind, function, what to
// change (current → recommended), the monthly saving as a range, the confidence, what it rests on
// (measured what, over which window, how many invocations), the setting to paste, and the evidence.
import { fmtPct, fmtValue, functionHref, h, humanKey } from './fleetscope.js';

export const KIND_LABELS = {
  memory: 'Memory',
  'provisioned-concurrency': 'Provisioned concurrency',
  containers: 'Containers',
  'timeout-risk': 'Timeout risk',
  'keep-alive': 'Keep-alive',
};

/** current → recommended for the keys both name; a key only one side names shows on its own. */
function changes(current = {}, recommended = {}) {
  const keys = [...new Set([...Object.keys(current), ...Object.keys(recommended)])];
  return keys.map((key) => {
    const before = key in current;
    const after = key in recommended;
    const value =
      before && after
        ? [
            h('span', { class: 'from' }, fmtValue(key, current[key])),
            h('span', { class: 'arrow', 'aria-label': 'to' }, '→'),
            h('span', { class: 'to' }, fmtValue(key, recommended[key])),
          ]
        : h(
            'span',
            { class: after ? 'to' : '' },
            fmtValue(key, after ? recommended[key] : current[key]),
          );
    return h('div', {}, h('dt', {}, humanKey(key)), h('dd', { class: 'change' }, value));
  });
}

function evidence(entries) {
  const keys = Object.keys(entries ?? {});
  if (keys.length === 0) return null;
  return h(
    'details',
    { class: 'evidence' },
    h('summary', {}, `Evidence (${keys.length})`),
    h(
      'dl',
      {},
      keys.map((key) => [h('dt', {}, humanKey(key)), h('dd', {}, fmtValue(key, entries[key]))]),
    ),
  );
}

const FORMAT_LABELS = {
  'aws-cli': 'AWS CLI',
  sam: 'SAM',
  serverless: 'Serverless Framework',
  knative: 'Knative',
  openfaas: 'OpenFaaS',
  note: 'What to do',
};

function basis(b) {
  if (!b) return null;
  return h(
    'p',
    { class: 'rec-basis' },
    h('strong', {}, 'Evidence: '),
    `${b.measured}; ${Number(b.invocations).toLocaleString('en')} invocations in the ${b.windowDays}-day window ${b.windowFrom.slice(0, 10)} to ${b.windowTo.slice(0, 10)}.`,
  );
}

function action(a) {
  if (!a) return null;
  return h(
    'div',
    { class: 'rec-action' },
    h('p', {}, h('strong', {}, 'Do: '), a.summary),
    a.snippets
      .filter((s) => s.format !== 'note' || s.text !== a.summary)
      .map((s) =>
        h(
          'figure',
          { class: 'snippet', dataset: { format: s.format } },
          h('figcaption', {}, FORMAT_LABELS[s.format] ?? s.format),
          h('pre', {}, h('code', {}, s.text)),
        ),
      ),
  );
}

/**
 * A `<li>` for one recommendation; showFunction=false on a function's own page.
 * @param {any} r
 * @param {{ showFunction?: boolean, range?: string }} [options]
 */
export function recommendationCard(r, { showFunction = true, range } = {}) {
  // The API's words for its saving range (savingWords); exactly nothing is a reliability fix.
  const words = r.savingWords;
  const [verb, amount] =
    words.saving === null
      ? ['', 'reliability fix']
      : [words.saving ? 'saves' : 'costs', words.text];
  return h(
    'li',
    {
      class: 'panel rec',
      dataset: { kind: r.kind, functionId: r.functionId, planRole: r.planRole ?? '' },
    },
    h(
      'div',
      { class: 'rec-head' },
      h('span', { class: `badge ${r.severity}` }, r.severity),
      h('span', { class: 'badge kind' }, KIND_LABELS[r.kind] ?? r.kind),
      h('h3', { class: 'rec-title' }, r.title),
      h(
        'span',
        { class: `rec-impact ${verb === 'saves' ? 'saving' : verb === 'costs' ? 'cost' : ''}` },
        verb ? [h('small', {}, verb), ' ', amount] : h('small', {}, amount),
      ),
    ),
    h('p', { class: 'rec-reason' }, r.reason),
    basis(r.basis),
    action(r.action),
    h(
      'dl',
      { class: 'rec-facts' },
      showFunction
        ? h(
            'div',
            {},
            h('dt', {}, 'Function'),
            h(
              'dd',
              {},
              h('a', { href: functionHref(r.functionId, range) }, r.function?.name ?? r.functionId),
            ),
          )
        : null,
      changes(r.current, r.recommended),
      h(
        'div',
        {},
        h('dt', {}, 'Confidence'),
        h('dd', {}, `${r.confidence} (${fmtPct(r.confidenceScore)})`),
      ),
    ),
    evidence(r.evidence),
  );
}

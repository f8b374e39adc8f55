// One recommendation of GET /api/recommendations as a list item: severity, kind, function, what to
// change (current → recommended), monthly dollars, confidence and the evidence behind it.
import { fmtPct, fmtUsd, fmtValue, functionHref, h, humanKey } from './fleetscope.js';

export const KIND_LABELS = {
  memory: 'Memory',
  'provisioned-concurrency': 'Provisioned concurrency',
  containers: 'Containers',
  'timeout-risk': 'Timeout risk',
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

/**
 * A `<li>` for one recommendation; showFunction=false on a function's own page.
 * @param {any} r
 * @param {{ showFunction?: boolean, range?: string }} [options]
 */
export function recommendationCard(r, { showFunction = true, range } = {}) {
  const impact = r.monthlyImpactUsd;
  const impactLabel =
    impact > 0 ? 'saves per month' : impact < 0 ? 'costs per month' : 'no change in cost';
  return h(
    'li',
    { class: 'panel rec', dataset: { kind: r.kind, functionId: r.functionId } },
    h(
      'div',
      { class: 'rec-head' },
      h('span', { class: `badge ${r.severity}` }, r.severity),
      h('span', { class: 'badge kind' }, KIND_LABELS[r.kind] ?? r.kind),
      h('h3', { class: 'rec-title' }, r.title),
      h(
        'span',
        { class: `rec-impact ${impact > 0 ? 'saving' : impact < 0 ? 'cost' : ''}` },
        impact === 0 ? '' : fmtUsd(Math.abs(impact)),
        ' ',
        h('small', {}, impactLabel),
      ),
    ),
    h('p', { class: 'rec-reason' }, r.reason),
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

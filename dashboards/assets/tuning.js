// A tuning job (/tuning.html?id=…): progress, the pick, and chart.js lines of mean duration and
// cost per invocation against memory size for each architecture (Power Tuning's visualisation),
// the pick marked; the table lists every size, infeasible and unmeasured ones included.
import {
  $,
  COLORS,
  api,
  chartCard,
  chartDefaults,
  clearNotice,
  drawChart,
  fmtInt,
  fmtMs,
  fmtUsd,
  h,
  notice,
  setupPage,
  showError,
  statCard,
} from './fleetscope.js';

const id = new URLSearchParams(location.search).get('id') ?? '';
const ARCH_COLORS = { x86_64: [COLORS.blue, COLORS.amber], arm64: [COLORS.teal, COLORS.violet] };

/** Dollars per million invocations: per-invocation figures are millionths of a dollar. */
const perMillion = (usd) => (usd === null || usd === undefined ? null : usd * 1e6);

/** arm64's cost against x86_64 per million invocations, the sign in words (positive: more). */
function costDifference(usdPerMillion) {
  if (usdPerMillion === null) return 'its cost against x86_64 is unknown';
  if (fmtUsd(Math.abs(usdPerMillion)) === '$0.00') return 'costs the same per million invocations';
  return `costs ${fmtUsd(Math.abs(usdPerMillion))} per million invocations ${usdPerMillion > 0 ? 'more' : 'less'}`;
}

/**
 * What the job cost. Calls a stopped run made but never stored (killed, shut down, cancelled or
 * failed mid-batch) are counted, not priced: their duration was never seen. The cost is then a
 * lower bound, and says so with the count, so it is never read as the whole bill.
 */
function jobCostCard(job, unrecorded) {
  const catalogue = job.prices?.catalogueVersion ?? null;
  if (unrecorded <= 0) return statCard('Cost of the job', fmtUsd(job.jobCost?.usd), catalogue);
  const calls = `${fmtInt(unrecorded)} ${unrecorded === 1 ? 'call' : 'calls'}`;
  return statCard(
    'Cost of the job',
    `≥ ${fmtUsd(job.jobCost.usd)}`,
    `${calls} not recorded, not in this cost (the job stopped during them; see the function's own logs)` +
      (catalogue ? ` · ${catalogue}` : ''),
  );
}

function render(job) {
  document.title = `Tuning ${job.function} · Fleetscope`;
  $('#title').textContent = `Tuning ${job.function}`;
  $('#job-id').textContent = job.id;
  if (job.functionId) $('#back').href = `/function.html?id=${encodeURIComponent(job.functionId)}`;
  $('#chips').replaceChildren(
    ...[job.platform, job.status, job.request?.mode ?? 'adaptive', job.request?.strategy ?? 'cost']
      .filter(Boolean)
      .map((c) => h('span', { class: 'chip', dataset: { chip: c } }, c)),
  );
  const finished = job.status === 'succeeded' || job.status === 'failed';
  const bar = $('#progress');
  bar.hidden = finished;
  bar.value = Math.round(job.progress * 100);
  const unrecorded = job.jobCost?.unrecordedInvocations ?? 0;
  $('#stats').replaceChildren(
    statCard('Status', job.status, finished ? null : `${Math.round(job.progress * 100)} %`),
    statCard(
      'Invocations',
      fmtInt(job.invocationsUsed),
      unrecorded > 0 ? `and ${fmtInt(unrecorded)} not recorded` : null,
    ),
    jobCostCard(job, unrecorded),
    ...(job.prices?.durationTiers ?? []).map((t) =>
      statCard(
        `Lambda duration tier (${t.architecture})`,
        `tier ${t.tier}`,
        `${fmtInt(Math.round(t.monthToDateGbSeconds))} GB-s used this month by ${t.grouping === 'organization' ? 'the organization' : `account ${t.account}`}`,
      ),
    ),
  );
  const c = job.architectureComparison;
  $('#pick').replaceChildren(
    job.pick
      ? h(
          'span',
          {},
          h('strong', {}, `${pickLabel(job)}: ${job.pick.memoryMb} MB ${job.pick.architecture}. `),
          job.pick.reason,
          c
            ? ` arm64 at ${c.memoryMb} MB takes ${(c.speedRatio * 100).toFixed(0)} % of the x86_64 duration and ${costDifference(perMillion(c.costDifferenceUsdPerInvocation))}.`
            : '',
        )
      : job.error
        ? h(
            'span',
            { class: 'bad' },
            job.partial?.message ? `${job.error}. ${job.partial.message}` : job.error,
          )
        : '',
  );
  renderChart(job);
  renderTable(job);
}

function renderChart(job) {
  const measured = job.results.filter((r) => r.measured && r.feasible && r.meanMs !== null);
  if (measured.length === 0) {
    $('#charts').replaceChildren();
    return;
  }
  let canvas = document.getElementById('chart-tuning');
  if (!canvas) {
    const card = chartCard(
      'chart-tuning',
      'Duration and cost against memory',
      'Mean duration in milliseconds and cost per million invocations in dollars, per memory size and architecture',
    );
    $('#charts').replaceChildren(card.card);
    canvas = card.canvas;
  }
  const datasets = [];
  for (const arch of [...new Set(measured.map((r) => r.architecture))]) {
    const rows = measured
      .filter((r) => r.architecture === arch)
      .sort((a, b) => a.memoryMb - b.memoryMb);
    const [durationColor, costColor] = ARCH_COLORS[arch] ?? [COLORS.gray, COLORS.red];
    datasets.push({
      label: `Duration ${arch} (ms)`,
      data: rows.map((r) => ({ x: r.memoryMb, y: r.meanMs })),
      borderColor: durationColor,
      backgroundColor: durationColor,
      yAxisID: 'y',
    });
    datasets.push({
      label: `Cost ${arch} ($ per 1M)`,
      data: rows.map((r) => ({ x: r.memoryMb, y: perMillion(r.costUsdPerInvocation) })),
      borderColor: costColor,
      backgroundColor: costColor,
      borderDash: [6, 4],
      yAxisID: 'y1',
    });
  }
  const pick =
    job.pick &&
    measured.find(
      (r) => r.memoryMb === job.pick.memoryMb && r.architecture === job.pick.architecture,
    );
  if (pick) {
    datasets.push({
      type: 'scatter',
      label: `${pickLabel(job)}: ${pick.memoryMb} MB ${pick.architecture}`,
      data: [{ x: pick.memoryMb, y: perMillion(pick.costUsdPerInvocation) }],
      pointStyle: 'star',
      pointRadius: 12,
      borderWidth: 2,
      borderColor: COLORS.red,
      backgroundColor: COLORS.red,
      yAxisID: 'y1',
    });
  }
  drawChart(canvas, {
    type: 'line',
    data: { datasets },
    options: {
      parsing: true,
      scales: {
        x: { type: 'linear', title: { display: true, text: 'Memory (MB)' } },
        y: {
          position: 'left',
          beginAtZero: true,
          title: { display: true, text: 'Mean duration (ms)' },
        },
        y1: {
          position: 'right',
          beginAtZero: true,
          grid: { drawOnChartArea: false },
          title: { display: true, text: '$ per million invocations' },
        },
      },
    },
  });
}

function renderTable(job) {
  const rows = [...job.results].sort(
    (a, b) => a.architecture.localeCompare(b.architecture) || a.memoryMb - b.memoryMb,
  );
  $('#results tbody').replaceChildren(
    ...rows.map((r) => {
      const picked =
        job.pick && job.pick.memoryMb === r.memoryMb && job.pick.architecture === r.architecture;
      // feasible is null for a size never run: unknown, not infeasible (its note says why).
      const note =
        r.feasible === false
          ? `infeasible: ${r.failure ?? ''}`
          : !r.measured
            ? (r.note ?? 'not run: the fitted curve ruled it out')
            : picked
              ? 'pick'
              : '';
      return h(
        'tr',
        {
          dataset: { memory: String(r.memoryMb), arch: r.architecture },
          class: picked ? 'picked' : r.feasible === false ? 'bad' : '',
        },
        h('td', {}, `${r.memoryMb} MB`),
        h('td', {}, r.architecture),
        h('td', { class: 'num' }, fmtInt(r.invocations)),
        h('td', { class: 'num' }, fmtMs(r.meanMs)),
        h('td', { class: 'num' }, fmtMs(r.p50Ms)),
        h('td', { class: 'num' }, fmtMs(r.p90Ms)),
        h('td', { class: 'num' }, fmtMs(r.p99Ms)),
        h(
          'td',
          { class: 'num' },
          r.costUsdPerInvocation === null
            ? '—'
            : `${fmtUsd(perMillion(r.costUsdPerInvocation))} / M`,
        ),
        h('td', {}, note),
      );
    }),
  );
}

async function load() {
  const el = $('#notice');
  if (!id) {
    notice(el, 'error', 'No tuning job selected.');
    return;
  }
  chartDefaults();
  for (;;) {
    let job;
    try {
      job = await api(`/api/tuning-jobs/${encodeURIComponent(id)}`);
    } catch (error) {
      showError(el, error);
      return;
    }
    render(job);
    if (job.status === 'succeeded' || job.status === 'failed') {
      clearNotice(el);
      return;
    }
    notice(
      el,
      'info',
      job.status === 'queued' ? 'Waiting for the analyzer to start the job…' : 'Measuring…',
    );
    await new Promise((resolve) => setTimeout(resolve, 1000));
  }
}

setupPage();
void load();

/** A job still running has no pick yet, only the best size so far (its reason says so too). */
function pickLabel(job) {
  return job.status === 'running' || job.status === 'queued' ? 'Best so far' : 'Pick';
}

// "Tune memory" on the function page: starts a tuning job with the defaults (adaptive search,
// cheapest size, Power Tuning's sizes plus the function's own) and follows its progress.
import { $, api, fmtInt, h } from './fleetscope.js';

const id = new URLSearchParams(location.search).get('id') ?? '';
// Fleetscope ids start with the platform; the jobs API names platforms as the issue does.
const PLATFORMS = { aws_lambda: 'aws-lambda', openfaas: 'openfaas', knative: 'knative' };
const platform = PLATFORMS[id.split('~')[0]];

const button = $('#tune-button');
const progress = $('#tuning-progress');
const status = $('#tuning-status');

function show(job) {
  const link = h('a', { href: `/tuning.html?id=${encodeURIComponent(job.id)}` }, 'job page');
  const finished = job.status === 'succeeded' || job.status === 'failed';
  progress.hidden = finished;
  progress.value = Math.round(job.progress * 100);
  button.disabled = !finished;
  const what =
    job.status === 'succeeded' && job.pick
      ? `Pick: ${job.pick.memoryMb} MB ${job.pick.architecture} (${fmtInt(job.invocationsUsed)} invocations). `
      : job.status === 'failed'
        ? `Failed: ${job.error ?? 'unknown error'}. `
        : `${job.status === 'queued' ? 'Queued' : 'Running'}: ${fmtInt(job.invocationsUsed)} invocations so far. `;
  status.replaceChildren(h('span', { dataset: { status: job.status } }, what), link);
  return finished;
}

async function follow(jobId) {
  for (;;) {
    const job = await api(`/api/tuning-jobs/${encodeURIComponent(jobId)}`);
    if (show(job)) return;
    await new Promise((resolve) => setTimeout(resolve, 1000));
  }
}

async function start() {
  button.disabled = true;
  status.textContent = 'Starting…';
  try {
    const { id: jobId } = await api('/api/tuning-jobs', {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ platform, function: id }),
    });
    await follow(jobId);
  } catch (error) {
    button.disabled = false;
    progress.hidden = true;
    status.textContent = error instanceof Error ? error.message : String(error);
  }
}

async function latest() {
  try {
    const { jobs } = await api('/api/tuning-jobs?limit=200');
    const mine = jobs.find((j) => j.functionId === id || j.request?.function === id);
    if (mine && !show(mine)) await follow(mine.id);
  } catch {
    // The button still works; the notice of the page reports API trouble.
  }
}

if (!platform) {
  button.disabled = true;
  status.textContent = 'Tuning jobs run on AWS Lambda, OpenFaaS and Knative functions.';
} else {
  button.addEventListener('click', () => void start());
  void latest();
}

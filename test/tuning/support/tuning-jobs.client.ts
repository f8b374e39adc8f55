/** The least every view of a tuning job (GET /api/tuning-jobs/{id}) has. */
export interface TuningJobStatus {
  status: string;
}

export const finished = (job: TuningJobStatus): boolean =>
  job.status === 'succeeded' || job.status === 'failed';

/** POST /api/tuning-jobs: the answer's status and JSON body, whatever they are. */
export async function postTuningJob(
  apiUrl: string,
  body: unknown,
): Promise<{ status: number; body: Record<string, unknown> }> {
  const res = await fetch(`${apiUrl}/api/tuning-jobs`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify(body),
  });
  return { status: res.status, body: (await res.json()) as Record<string, unknown> };
}

export async function getTuningJob<J extends TuningJobStatus>(
  apiUrl: string,
  id: string,
): Promise<J> {
  return (await (await fetch(`${apiUrl}/api/tuning-jobs/${id}`)).json()) as J;
}

/** Polls GET /api/tuning-jobs/{id} until `done` holds (by default: the job finished). */
export async function waitForTuningJob<J extends TuningJobStatus>(
  apiUrl: string,
  id: string,
  done: (job: J) => boolean = finished,
  timeoutMs = 60_000,
): Promise<J> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const job = await getTuningJob<J>(apiUrl, id);
    if (done(job)) return job;
    if (Date.now() > deadline) throw new Error(`tuning job ${id} stuck: ${JSON.stringify(job)}`);
    await new Promise((r) => setTimeout(r, 100));
  }
}

/** Starts a tuning job, which must be accepted (202), and waits until it succeeds or fails. */
export async function runTuningJob<J extends TuningJobStatus>(
  apiUrl: string,
  body: unknown,
): Promise<J> {
  const created = await postTuningJob(apiUrl, body);
  expect(created.status).toBe(202);
  return waitForTuningJob<J>(apiUrl, String(created.body.id));
}

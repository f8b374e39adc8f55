/**
 * The runs of polled targets (a gateway, a metrics URL, an inventory platform), each target on its
 * own: a target's runs go one after the other, a timer tick skips only the targets whose run is
 * still going, and a slow target never holds up the others. `stop` aborts the signal every run is
 * given, so shutdown does not wait on a request that hangs.
 */
export class PerTargetRuns {
  private readonly chains = new Map<string, Promise<unknown>>();
  private readonly busy = new Set<string>();
  private readonly stopper = new AbortController();

  /** Aborted by `stop`. */
  get signal(): AbortSignal {
    return this.stopper.signal;
  }

  get stopping(): boolean {
    return this.stopper.signal.aborted;
  }

  /** Runs `work` for `key` after that key's run already going, if any. */
  run<T>(key: string, work: (signal: AbortSignal) => Promise<T>): Promise<T> {
    const run = (this.chains.get(key) ?? Promise.resolve()).then(async () => {
      this.busy.add(key);
      try {
        return await work(this.stopper.signal);
      } finally {
        this.busy.delete(key);
      }
    });
    // The chain only orders runs: a failed run must not fail the next one.
    this.chains.set(
      key,
      run.catch(() => undefined),
    );
    return run;
  }

  /** A timer tick: runs `work` unless `key` is still busy with an earlier run (or stopping). */
  tick(key: string, work: (signal: AbortSignal) => Promise<unknown>): boolean {
    if (this.stopping || this.busy.has(key)) return false;
    void this.run(key, work).catch(() => undefined);
    return true;
  }

  /** Aborts every run's signal and waits for the runs to end. */
  async stop(): Promise<void> {
    this.stopper.abort(new Error('shutting down'));
    await Promise.all(this.chains.values());
  }
}

import { Injectable } from '@nestjs/common';
import { KnativeScrapeDiffer, OpenFaasScrapeDiffer, RecentMap } from '@fleetscope/ingest';

/**
 * The one previous-scrape state per process. Scrapes and pushes share it, so an autoscaler reading
 * pushed by a sidecar tells a scraped activator count that its revision was at zero pods.
 */
@Injectable()
export class PlatformDiffers {
  readonly openfaas = new OpenFaasScrapeDiffer();
  readonly knative = new KnativeScrapeDiffer();
  /**
   * Pushers name their targets, so it is bounded like the differs': past the bound the differs
   * have forgotten the target too, so its time no longer matters.
   */
  private readonly lastTimeMs = new RecentMap<string, number>(10_000);

  /**
   * Now, but strictly after the previous time handed out for `target`: two scrapes in the same
   * millisecond would be refused by the differ as out of order.
   */
  timeFor(target: string): number {
    const time = Math.max(Date.now(), (this.lastTimeMs.get(target) ?? 0) + 1);
    this.lastTimeMs.set(target, time);
    return time;
  }

  /** Targets with a remembered time. */
  get size(): number {
    return this.lastTimeMs.size;
  }
}

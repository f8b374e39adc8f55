import type { Logger } from '@nestjs/common';

/**
 * Remembers whether each polled target (a gateway, a metrics URL, an AWS region) last worked, and
 * logs only when that changes: a target down for a day logs once when it fails and once when it
 * recovers, not every interval. The counts live in IngestMetrics.
 */
export class TargetHealth {
  private readonly failing = new Map<string, string>();

  constructor(private readonly logger: Logger) {}

  ok(target: string): void {
    if (this.failing.delete(target)) this.logger.log(`${target}: working again`);
  }

  failed(target: string, reason: string, message: string): void {
    if (this.failing.get(target) === reason) return;
    this.failing.set(target, reason);
    this.logger.warn(`${target}: ${message}`);
  }

  isFailing(target: string): boolean {
    return this.failing.has(target);
  }
}

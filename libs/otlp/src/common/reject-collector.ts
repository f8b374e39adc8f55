import { rejectionSummary } from '@fleetscope/model';

/** Most messages kept per request: the count by reason is complete, the texts are examples. */
const MAX_MESSAGES = 20;

/**
 * Counts rejected items by reason and keeps the first few messages, so one bad batch of 100k items
 * cannot allocate 100k strings (collector coding guidelines: count rejects, do not log each).
 */
export class RejectCollector {
  rejected = 0;
  readonly errors: string[] = [];
  readonly reasons: Record<string, number> = {};

  reject(reason: string, message: () => string, count = 1): void {
    if (count <= 0) return;
    this.rejected += count;
    this.reasons[reason] = (this.reasons[reason] ?? 0) + count;
    if (this.errors.length < MAX_MESSAGES) this.errors.push(message());
  }

  /** One line for OTLP partial_success.error_message. */
  summary(): string {
    return rejectionSummary(this.rejected, this.reasons, this.errors[0]);
  }
}

/** What every normaliser reports about rejected items besides its rows. */
export interface RejectReport {
  rejected: number;
  /** The first messages (at most 20), each naming the item and the reason. */
  errors: string[];
  /** Rejected items by reason code, complete. */
  reasons: Record<string, number>;
  /** A one-line summary for partial_success.error_message; '' when nothing was rejected. */
  errorMessage: string;
}

export function rejectReport(c: RejectCollector): RejectReport {
  return { rejected: c.rejected, errors: c.errors, reasons: c.reasons, errorMessage: c.summary() };
}

import { Injectable } from '@nestjs/common';
import { CounterSet } from '@fleetscope/server';

export const REPORT_BUILDS = 'fleetscope_report_builds_total';
export const REPORT_DELIVERY_ATTEMPTS = 'fleetscope_report_delivery_attempts_total';
export const REPORT_DELIVERIES = 'fleetscope_report_deliveries_total';
export const REPORT_REJECTED = 'fleetscope_report_rejected_requests_total';

/** This process's report counters; the dashboard's GET /metrics renders them. */
@Injectable()
export class ReportMetrics {
  readonly counters = new CounterSet();

  constructor() {
    this.counters.define(REPORT_BUILDS, 'Weekly reports built, by trigger and status.');
    this.counters.define(
      REPORT_DELIVERY_ATTEMPTS,
      'Delivery attempts of weekly reports, by channel and outcome (retries included).',
    );
    this.counters.define(
      REPORT_DELIVERIES,
      'Weekly report deliveries after all retries, by channel and final status.',
    );
    this.counters.define(
      REPORT_REJECTED,
      'Report API requests answered 400, by the field at fault.',
    );
  }

  rejected(field: string): void {
    this.counters.inc(REPORT_REJECTED, { field });
  }
}

import { Injectable, type OnModuleInit } from '@nestjs/common';
import { HttpAdapterHost } from '@nestjs/core';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { CounterSet } from '@fleetscope/server';

export const API_REJECTED = 'fleetscope_api_rejected_requests_total';
/** The route label of a request under /api that matched no route (its URL is not a label). */
export const UNMATCHED_ROUTE = '(unmatched)';

/**
 * Every 4xx the API (/api/*) answers, by method, route pattern and status, for GET /metrics: the
 * one place a refusal is counted, whichever controller, guard, parser or hook refused it. Labels
 * are route patterns (`/api/functions/:id/config`), never the URL, so ids and query strings cannot
 * grow the series. The report and tuning counters keep counting their 400s by field as before.
 */
@Injectable()
export class ApiRejections implements OnModuleInit {
  readonly counters = new CounterSet();

  constructor(private readonly adapterHost: HttpAdapterHost) {
    this.counters.define(
      API_REJECTED,
      'API requests answered 4xx (bad input, unknown id, unauthorised, …), by method, route pattern and status.',
    );
  }

  onModuleInit(): void {
    // An application context without HTTP (e.g. a script) has no adapter: nothing to count.
    const adapter = this.adapterHost.httpAdapter;
    if (!adapter) return;
    // onResponse sees every answer, those sent by Fastify's hooks and parsers as well.
    adapter
      .getInstance<FastifyInstance>()
      .addHook('onResponse', async (request, reply) => this.record(request, reply));
  }

  value(labels: { method: string; route: string; status: string }): number {
    return this.counters.value(API_REJECTED, labels);
  }

  private record(request: FastifyRequest, reply: FastifyReply): void {
    if (reply.statusCode < 400 || reply.statusCode >= 500) return;
    const pattern = request.routeOptions.url;
    // The pages, /metrics and telemetry sent to the wrong port are not the API.
    if (!(pattern ?? request.url).startsWith('/api/')) return;
    this.counters.inc(API_REJECTED, {
      method: request.method,
      route: pattern ?? UNMATCHED_ROUTE,
      status: String(reply.statusCode),
    });
  }
}

import { Injectable } from '@nestjs/common';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { coldStartRows, parseGatewayLogs, parseWatchdogLogs } from '@fleetscope/ingest';
import type { IngestBatch } from '@fleetscope/storage';
import type { CollectorRoutes } from '../http/collector-http.server';
import {
  IngestPipeline,
  NothingStorableError,
  RejectedIngestError,
  RetryableIngestError,
  retryStatus,
} from '../http/ingest.pipeline';
import { PlatformIngestHandler } from '../lambda/platform-ingest.handler';
import { PlatformDiffers } from './platform-differs';
import { PlatformTargets } from './platform-targets';

type Query = Record<string, string | undefined>;

const NAME = /^[A-Za-z0-9_.:-]{1,253}$/;

/**
 * Pushed OpenFaaS and Knative data on :4318:
 * - `POST /ingest/openfaas/gateway-logs?gateway=` gateway log text → scale-from-zero cold starts;
 * - `POST /ingest/openfaas/watchdog-logs?function=&namespace=&gateway=&instance=` of-watchdog
 *   request lines of one function's pod → invocations;
 * - `POST /ingest/knative/metrics?cluster=&target=` a Prometheus text scrape pushed by a sidecar,
 *   diffed against the previous push of the same target (without one, of the same pod) like a
 *   scrape.
 * Bodies are plain text (gzip/deflate accepted), bounded like every ingest body.
 */
@Injectable()
export class PlatformIngestRoutes implements CollectorRoutes {
  constructor(
    private readonly handler: PlatformIngestHandler,
    private readonly pipeline: IngestPipeline,
    private readonly targets: PlatformTargets,
    private readonly differs: PlatformDiffers,
  ) {}

  register(app: FastifyInstance): void {
    app.post('/ingest/openfaas/gateway-logs', (request, reply) => this.gatewayLogs(request, reply));
    app.post('/ingest/openfaas/watchdog-logs', (request, reply) =>
      this.watchdogLogs(request, reply),
    );
    app.post('/ingest/knative/metrics', (request, reply) => this.knativeMetrics(request, reply));
  }

  private async gatewayLogs(request: FastifyRequest, reply: FastifyReply): Promise<void> {
    const signal = 'openfaas_gateway-logs';
    const text = await this.text(signal, request, reply);
    if (text === undefined) return;
    const query = request.query as Query;
    if (await this.refusedNamespace(signal, query, reply)) return;
    const gateway = await this.gateway(signal, query, reply);
    if (gateway === undefined) return;
    const result = parseGatewayLogs(text, {
      gateway,
      defaultNamespace: query.namespace || undefined,
      defaultTimeMs: Date.now(),
    });
    if (result.errorCount > 0)
      this.handler.metrics.rejected(signal, 'unreadable_line', result.errorCount);
    const rows = coldStartRows(result.coldStarts);
    // Cold-start rows are counts: a retried delivery must not add them again.
    await this.store(signal, reply, { functionMinutes: rows }, keyOf(signal, request, text), {
      lines: result.lines,
      coldStarts: result.coldStarts.length,
      scaleRequests: result.scaleRequests.length,
      rejected: result.errorCount,
      errors: result.errors.slice(0, 20),
    });
  }

  private async watchdogLogs(request: FastifyRequest, reply: FastifyReply): Promise<void> {
    const signal = 'openfaas_watchdog-logs';
    const text = await this.text(signal, request, reply);
    if (text === undefined) return;
    const query = request.query as Query;
    const functionName = query.function || query['function-name'];
    if (!functionName || !NAME.test(functionName)) {
      return this.refuse(
        signal,
        reply,
        'missing_function',
        'name the function the lines come from: ?function=NAME[.NAMESPACE] (watchdog lines do not say)',
      );
    }
    if (await this.refusedNamespace(signal, query, reply)) return;
    const gateway = await this.gateway(signal, query, reply);
    if (gateway === undefined) return;
    const result = parseWatchdogLogs(text, {
      functionName,
      namespace: query.namespace || undefined,
      gateway,
      instance: query.instance || query.pod || undefined,
      defaultTimeMs: Date.now(),
    });
    if (result.errorCount > 0)
      this.handler.metrics.rejected(signal, 'unreadable_line', result.errorCount);
    await this.store(signal, reply, { invocations: result.records }, keyOf(signal, request, text), {
      lines: result.lines,
      invocations: result.records.length,
      rejected: result.errorCount,
      errors: result.errors.slice(0, 20),
    });
  }

  private async knativeMetrics(request: FastifyRequest, reply: FastifyReply): Promise<void> {
    const signal = 'knative_metrics';
    const text = await this.text(signal, request, reply);
    if (text === undefined) return;
    const query = request.query as Query;
    const cluster = query.cluster || this.targets.knativeCluster;
    if (!NAME.test(cluster)) {
      return this.refuse(
        signal,
        reply,
        'invalid_cluster',
        `cluster "${cluster}" may hold only letters, digits and _ . : -`,
      );
    }
    if (query.target && !NAME.test(query.target)) {
      return this.refuse(
        signal,
        reply,
        'invalid_target',
        `target "${query.target.slice(0, 64)}" may hold only letters, digits and _ . : - (at most 253)`,
      );
    }
    // A named target keeps its own previous scrape. Without one, each pod does (KnativeScrape.sender):
    // pods behind a proxy share its address, and all pods' pushes take their times from one clock.
    const target = query.target ? `push:${query.target}` : 'push';
    const timeMs = this.differs.timeFor(`knative ${cluster} ${target}`);
    const result = this.differs.knative.ingest({
      cluster,
      target,
      timeMs,
      text,
      fromZero: query['from-zero'] === 'true',
      sender: query.target ? undefined : request.ip,
    });
    if (result.parseErrorCount > 0) {
      this.handler.metrics.rejected(signal, 'bad_line', result.parseErrorCount);
    }
    if (!result.ok) {
      return this.refuse(signal, reply, result.reason, result.message, {
        errors: result.parseErrors.slice(0, 20),
      });
    }
    // No dedup key: an identical push later is a scrape where nothing happened, which the differ
    // already turns into nothing.
    await this.store(
      signal,
      reply,
      { functionMinutes: result.rows, metricPoints: result.gauges },
      undefined,
      {
        kind: result.kind,
        functionMinutes: result.rows.length,
        metricPoints: result.gauges.length,
        rejected: result.parseErrorCount,
        errors: result.parseErrors.slice(0, 20),
      },
      // Not stored: the next push is diffed against the one before this, so nothing is lost.
      () => this.differs.knative.undo({ cluster, target, timeMs }),
    );
  }

  /** The body as text, or an answered 400/413/415. */
  private async text(
    signal: string,
    request: FastifyRequest,
    reply: FastifyReply,
  ): Promise<string | undefined> {
    const body = await this.handler.body(signal, request, reply);
    if (!body) return undefined;
    if (body.length === 0) {
      await this.refuse(
        signal,
        reply,
        'empty_body',
        'the body is empty: send the log lines or metrics as text',
      );
      return undefined;
    }
    // A NUL byte means binary, most often gzip sent without Content-Encoding.
    if (body.includes(0)) {
      await this.refuse(
        signal,
        reply,
        'not_text',
        'the body is not text (compressed without a Content-Encoding header?)',
      );
      return undefined;
    }
    return body.toString('utf8');
  }

  /** Answers 400 for a `?namespace=` that is not a name; the functions of the lines go in it. */
  private async refusedNamespace(
    signal: string,
    query: Query,
    reply: FastifyReply,
  ): Promise<boolean> {
    if (!query.namespace || NAME.test(query.namespace)) return false;
    await this.refuse(
      signal,
      reply,
      'invalid_namespace',
      `namespace "${query.namespace.slice(0, 64)}" is not a Kubernetes namespace`,
    );
    return true;
  }

  private async gateway(
    signal: string,
    query: Query,
    reply: FastifyReply,
  ): Promise<string | undefined> {
    const gateway = query.gateway || this.targets.defaultGateway();
    if (gateway && NAME.test(gateway)) return gateway;
    await this.refuse(
      signal,
      reply,
      'missing_gateway',
      gateway
        ? `gateway "${gateway}" may hold only letters, digits and _ . : -`
        : `name the gateway: ?gateway=NAME, as in FLEETSCOPE_OPENFAAS_GATEWAYS (${this.targets.gateways.map((g) => g.label).join(', ') || 'none configured'})`,
    );
    return undefined;
  }

  private async refuse(
    signal: string,
    reply: FastifyReply,
    reason: string,
    message: string,
    extra: Record<string, unknown> = {},
  ): Promise<void> {
    this.handler.metrics.rejected(signal, reason);
    await this.handler.answer(signal, reply, 400, { message, ...extra });
  }

  private async store(
    signal: string,
    reply: FastifyReply,
    batch: IngestBatch,
    key: string | undefined,
    summary: Record<string, unknown>,
    notStored?: () => void,
  ): Promise<void> {
    try {
      const outcome = await this.pipeline.store(signal, batch, key);
      const refused = outcome.rejected.byPart;
      if (!outcome.duplicate) {
        this.handler.metrics.accepted(
          `${signal}_invocations`,
          (batch.invocations?.length ?? 0) - refused.invocations,
        );
        this.handler.metrics.accepted(
          `${signal}_function_minutes`,
          (batch.functionMinutes?.length ?? 0) - refused.functionMinutes,
        );
        this.handler.metrics.accepted(
          `${signal}_metric_points`,
          (batch.metricPoints?.length ?? 0) - refused.metricPoints,
        );
      }
      const screened =
        outcome.rejected.total > 0
          ? { refused: outcome.rejected.total, refusedErrors: outcome.rejected.errors }
          : {};
      await this.handler.answer(signal, reply, 200, {
        ...summary,
        ...screened,
        duplicate: outcome.duplicate,
      });
    } catch (error) {
      notStored?.();
      if (error instanceof RejectedIngestError) {
        // Rows refused by the screen are already counted by reason.
        if (!(error instanceof NothingStorableError))
          this.handler.metrics.rejected(signal, 'storage_refused');
        await this.handler.answer(signal, reply, error.status, { message: error.message });
        return;
      }
      if (!(error instanceof RetryableIngestError)) throw error;
      this.handler.metrics.throttled(signal, error.reason);
      void reply.header('Retry-After', String(error.retryAfterSeconds));
      await this.handler.answer(signal, reply, retryStatus(error.reason).http, {
        message: error.message,
      });
    }
  }
}

/** The same text for another function or gateway is another request: the key covers the query. */
function keyOf(signal: string, request: FastifyRequest, text: string): string {
  return IngestPipeline.keyOf(signal, `${request.url}\n${text}`);
}

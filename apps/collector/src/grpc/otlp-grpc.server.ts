import {
  Inject,
  Injectable,
  Logger,
  type OnApplicationBootstrap,
  type OnModuleDestroy,
} from '@nestjs/common';
import {
  Metadata,
  Server,
  ServerCredentials,
  status,
  type ServerUnaryCall,
  type ServiceDefinition,
  type sendUnaryData,
  type UntypedServiceImplementation,
} from '@grpc/grpc-js';
import {
  ENV,
  FLEETSCOPE_CONFIG,
  bearerMatches,
  listenError,
  type Config,
} from '@fleetscope/config';
import {
  encodeExportResponseProtobuf,
  encodeStatusProtobuf,
  type OtlpSignal,
} from '@fleetscope/otlp';
import { IngestMetrics } from '../telemetry/ingest-metrics';
import { OtlpExportService } from '../otlp/otlp-export.service';

const SERVICES: Record<OtlpSignal, string> = {
  traces: '/opentelemetry.proto.collector.trace.v1.TraceService/Export',
  logs: '/opentelemetry.proto.collector.logs.v1.LogsService/Export',
  metrics: '/opentelemetry.proto.collector.metrics.v1.MetricsService/Export',
};

/**
 * OTLP/gRPC on :4317 with the same semantics as OTLP/HTTP. Messages are passed through as raw
 * bytes and decoded by the same code as the HTTP path. Bad data → INVALID_ARGUMENT (not retried);
 * a full queue or unavailable storage → UNAVAILABLE (retried by OTLP exporters) with a RetryInfo
 * of the delay OTLP/HTTP sends in Retry-After.
 */
@Injectable()
export class OtlpGrpcServer implements OnApplicationBootstrap, OnModuleDestroy {
  private readonly logger = new Logger('Collector');
  private readonly server: Server;

  constructor(
    @Inject(FLEETSCOPE_CONFIG) private readonly config: Config,
    private readonly exporter: OtlpExportService,
    private readonly metrics: IngestMetrics,
  ) {
    this.port = config.otlpGrpcPort;
    this.server = new Server({
      'grpc.max_receive_message_length': config.maxBodyBytes,
      'grpc.max_send_message_length': 4 * 1024 * 1024,
    });
    for (const signal of ['traces', 'logs', 'metrics'] as const) {
      const definition: ServiceDefinition = {
        Export: {
          path: SERVICES[signal],
          requestStream: false,
          responseStream: false,
          requestSerialize: (value: Buffer) => value,
          requestDeserialize: (bytes: Buffer) => bytes,
          responseSerialize: (value: Buffer) => value,
          responseDeserialize: (bytes: Buffer) => bytes,
        },
      };
      const implementation: UntypedServiceImplementation = {
        Export: (call: ServerUnaryCall<Buffer, Buffer>, callback: sendUnaryData<Buffer>) => {
          this.export(signal, call, callback).catch((error: unknown) => {
            this.logger.error(`gRPC ${signal} export failed: ${String(error)}`);
            callback({ code: status.INTERNAL, details: 'internal error' });
          });
        },
      };
      this.server.addService(definition, implementation);
    }
  }

  /** The port bound: the configured one, or the one the system chose for port 0. */
  port: number;
  private binding?: Promise<number>;

  async onApplicationBootstrap(): Promise<void> {
    const host = this.config.host.includes(':') ? `[${this.config.host}]` : this.config.host;
    this.binding = new Promise<number>((resolve, reject) =>
      this.server.bindAsync(
        `${host}:${this.config.otlpGrpcPort}`,
        ServerCredentials.createInsecure(),
        (error, port) =>
          error
            ? reject(
                listenError(
                  error,
                  ENV.otlpGrpcPort.name,
                  this.config.host,
                  this.config.otlpGrpcPort,
                ),
              )
            : resolve(port),
      ),
    );
    this.port = await this.binding;
    this.logger.log(`OTLP/gRPC on ${host}:${this.port}`);
  }

  async onModuleDestroy(): Promise<void> {
    // A start that failed elsewhere may close the app while the bind is still under way.
    await this.binding?.catch(() => undefined);
    await new Promise<void>((resolve) => this.server.tryShutdown(() => resolve()));
  }

  private async export(
    signal: OtlpSignal,
    call: ServerUnaryCall<Buffer, Buffer>,
    callback: sendUnaryData<Buffer>,
  ): Promise<void> {
    const token = this.config.ingestToken;
    if (token) {
      const header = call.metadata.get('authorization')[0];
      if (!bearerMatches(typeof header === 'string' ? header : header?.toString(), token)) {
        this.metrics.rejected(signal, 'unauthorized');
        this.metrics.request(`grpc_${signal}`, 401);
        callback({
          code: status.UNAUTHENTICATED,
          details: 'missing or wrong bearer token (FLEETSCOPE_INGEST_TOKEN)',
        });
        return;
      }
    }
    const outcome = await this.exporter.export(signal, 'protobuf', call.request);
    switch (outcome.kind) {
      case 'ok':
        this.metrics.request(`grpc_${signal}`, 200);
        callback(null, Buffer.from(encodeExportResponseProtobuf(signal, outcome.partial)));
        return;
      case 'invalid':
      case 'too_large':
        this.metrics.request(`grpc_${signal}`, outcome.kind === 'invalid' ? 400 : 413);
        callback({ code: status.INVALID_ARGUMENT, details: outcome.message });
        return;
      case 'retry': {
        this.metrics.request(`grpc_${signal}`, 503);
        // OTLP/gRPC Throttling: the google.rpc.Status with a RetryInfo goes in this trailer.
        const metadata = new Metadata();
        const details = encodeStatusProtobuf({
          code: status.UNAVAILABLE,
          message: outcome.message,
          retryDelayMs: outcome.retryAfterSeconds * 1000,
        });
        metadata.set('grpc-status-details-bin', Buffer.from(details));
        callback({ code: status.UNAVAILABLE, details: outcome.message, metadata });
      }
    }
  }
}

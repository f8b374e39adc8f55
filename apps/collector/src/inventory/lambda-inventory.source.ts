import { Inject, Injectable, type OnModuleDestroy } from '@nestjs/common';
import {
  GetFunctionConfigurationCommand,
  LambdaClient,
  paginateListFunctions,
  type LambdaClientConfig,
  paginateListProvisionedConcurrencyConfigs,
  type FunctionConfiguration,
  type ProvisionedConcurrencyConfigListItem,
} from '@aws-sdk/client-lambda';
import { FLEETSCOPE_CONFIG, type Config } from '@fleetscope/config';
import {
  errorReason,
  mapLimited,
  type InventorySource,
  type InventoryTargetResult,
} from './inventory-source';
import { lambdaConfigUpdate, needsFullConfiguration } from './lambda-function.mapper';

/** Per-function calls in flight per region: well under Lambda's control-plane request quotas. */
const CONCURRENCY = 4;

/**
 * The SDK waits forever by default: an API connection that is accepted and never answered held the
 * inventory sync for the life of the process. Lambda's control-plane calls answer within a second;
 * these bounds apply to each attempt (maxAttempts 3). throwOnRequestTimeout makes requestTimeout an
 * error rather than a logged warning (NodeHttpHandlerOptions of @smithy/node-http-handler 4).
 */
export function lambdaClientConfig(region: string): LambdaClientConfig {
  return {
    region,
    maxAttempts: 3,
    requestHandler: {
      connectionTimeout: 3_000,
      requestTimeout: 10_000,
      throwOnRequestTimeout: true,
      // A body that stalls after the headers (requestTimeout stops at the headers).
      socketTimeout: 10_000,
    },
  };
}

/**
 * Lambda functions of each region in FLEETSCOPE_LAMBDA_INVENTORY_REGIONS, through the AWS SDK:
 * ListFunctions (paginated), GetFunctionConfiguration when a listed item lacks a field, and
 * ListProvisionedConcurrencyConfigs per function. Credentials come from the SDK's default chain
 * (AWS_ACCESS_KEY_ID…, AWS_PROFILE, web identity, instance roles); the SDK itself honours
 * AWS_ENDPOINT_URL_LAMBDA / AWS_ENDPOINT_URL.
 */
@Injectable()
export class LambdaInventorySource implements InventorySource, OnModuleDestroy {
  readonly platform = 'aws_lambda' as const;
  private readonly clients = new Map<string, LambdaClient>();

  constructor(@Inject(FLEETSCOPE_CONFIG) private readonly config: Config) {}

  enabled(): boolean {
    return this.config.lambdaInventoryRegions.length > 0;
  }

  async collect(signal: AbortSignal): Promise<InventoryTargetResult[]> {
    return Promise.all(
      this.config.lambdaInventoryRegions.map((region) => this.region(region, signal)),
    );
  }

  onModuleDestroy(): void {
    for (const client of this.clients.values()) client.destroy();
    this.clients.clear();
  }

  private client(region: string): LambdaClient {
    let client = this.clients.get(region);
    if (!client) {
      client = new LambdaClient(lambdaClientConfig(region));
      this.clients.set(region, client);
    }
    return client;
  }

  private async region(region: string, signal: AbortSignal): Promise<InventoryTargetResult> {
    const result: InventoryTargetResult = {
      platform: this.platform,
      target: region,
      updates: [],
      rejected: 0,
    };
    const client = this.client(region);
    // Each failure names its call and the region; one stopped by the sync names why it was stopped.
    const failure = (call: string, error: unknown): { reason: string; message: string } =>
      signal.aborted
        ? { reason: 'timeout', message: `${call} in ${region}: ${abortReason(signal)}` }
        : {
            reason: errorReason(error),
            message: `${call} in ${region}: ${(error as Error).message}`,
          };
    const listed: FunctionConfiguration[] = [];
    try {
      for await (const page of paginateListFunctions(
        { client, pageSize: 50 },
        {},
        { abortSignal: signal },
      )) {
        for (const fn of page.Functions ?? []) listed.push(fn);
      }
    } catch (error) {
      // Pages read before the failure are still upserted; functions not reached keep their facts.
      result.error = failure('ListFunctions', error);
      if (listed.length === 0) return result;
    }
    const failures: { reason: string; message: string }[] = [];
    const updates = await mapLimited(listed, CONCURRENCY, async (fn) => {
      const name = fn.FunctionName ?? fn.FunctionArn ?? '';
      let full = fn;
      if (needsFullConfiguration(fn) && name) {
        try {
          full = {
            ...fn,
            ...(await client.send(new GetFunctionConfigurationCommand({ FunctionName: name }), {
              abortSignal: signal,
            })),
          };
        } catch (error) {
          failures.push(failure(`GetFunctionConfiguration ${name}`, error));
        }
      }
      let provisioned: ProvisionedConcurrencyConfigListItem[] | undefined;
      try {
        provisioned = [];
        for await (const page of paginateListProvisionedConcurrencyConfigs(
          { client, pageSize: 50 },
          { FunctionName: name },
          { abortSignal: signal },
        )) {
          for (const c of page.ProvisionedConcurrencyConfigs ?? []) provisioned.push(c);
        }
      } catch (error) {
        provisioned = undefined;
        failures.push(failure(`ListProvisionedConcurrencyConfigs ${name}`, error));
      }
      return lambdaConfigUpdate(full, provisioned);
    });
    for (const update of updates) {
      if (update) result.updates.push(update);
      else result.rejected++;
    }
    if (!result.error && failures.length > 0) {
      result.error = {
        reason: failures[0].reason,
        message: `${failures.length} call(s) failed, first: ${failures[0].message}`,
      };
    }
    return result;
  }
}

function abortReason(signal: AbortSignal): string {
  const reason: unknown = signal.reason;
  return reason instanceof Error ? reason.message : String(reason);
}

import { Inject, Injectable } from '@nestjs/common';
import { FLEETSCOPE_CONFIG, type Config } from '@fleetscope/config';
import { parseSystemFunctions, type OpenFaasFunctionHint } from '@fleetscope/ingest';
import { type FunctionConfigUpdate } from '@fleetscope/storage';
import { HttpGetError, httpGet } from '../platforms/http-get';
import { endpointOf, PlatformTargets, type PlatformTarget } from '../platforms/platform-targets';
import type { InventorySource, InventoryTargetResult } from './inventory-source';

/** An OpenFaaS function's inventory row: memory and timeout as the watchdog sees them, pod size for cost. */
export function openFaasConfigUpdate(hint: OpenFaasFunctionHint): FunctionConfigUpdate {
  const podCpuMillicores = hint.cpuRequestMillicores ?? hint.cpuLimitMillicores;
  const podMemoryMb = hint.memoryRequestMb ?? hint.memoryLimitMb;
  return {
    functionId: hint.functionId,
    platform: 'openfaas',
    account: hint.namespace,
    region: hint.gateway,
    name: hint.name,
    // The columns are whole MiB; a decimal quantity such as 64M is 61.04 MiB.
    memoryMb: hint.memorySizeMb === undefined ? undefined : Math.round(hint.memorySizeMb),
    timeoutMs: hint.timeoutMs === undefined ? undefined : Math.round(hint.timeoutMs),
    minScale: hint.minScale ?? undefined,
    maxScale: hint.maxScale ?? undefined,
    // Idle replicas cost what they request (the scheduler reserves it), else what they may use.
    podCpu: podCpuMillicores === null ? undefined : podCpuMillicores / 1000,
    podMemoryMb: podMemoryMb === null ? undefined : Math.round(podMemoryMb),
    labels: hint.image ? { ...hint.labels, 'openfaas.image': hint.image } : hint.labels,
  };
}

/** Functions of each configured gateway from `GET {gateway}/system/functions`. */
@Injectable()
export class OpenFaasInventorySource implements InventorySource {
  readonly platform = 'openfaas' as const;

  constructor(
    @Inject(FLEETSCOPE_CONFIG) private readonly config: Config,
    private readonly targets: PlatformTargets,
  ) {}

  enabled(): boolean {
    return this.targets.gateways.length > 0;
  }

  collect(): Promise<InventoryTargetResult[]> {
    return Promise.all(this.targets.gateways.map((g) => this.gateway(g)));
  }

  private async gateway(gateway: PlatformTarget): Promise<InventoryTargetResult> {
    const result: InventoryTargetResult = {
      platform: this.platform,
      target: gateway.label,
      updates: [],
      rejected: 0,
    };
    let body: string;
    try {
      body = (
        await httpGet(endpointOf(gateway.url, 'system/functions'), {
          timeoutMs: 30_000,
          maxBytes: this.config.maxBodyBytes,
          headers: { accept: 'application/json' },
        })
      ).body;
    } catch (error) {
      result.error = {
        reason: error instanceof HttpGetError ? error.reason : 'unreachable',
        message: (error as Error).message,
      };
      return result;
    }
    const parsed = parseSystemFunctions(body, { gateway: gateway.label, observedAtMs: Date.now() });
    if (!parsed.ok) {
      result.error = { reason: parsed.reason, message: `/system/functions: ${parsed.message}` };
      return result;
    }
    result.rejected = parsed.rejected;
    result.updates = parsed.hints.map(openFaasConfigUpdate);
    return result;
  }
}

import { Inject, Injectable } from '@nestjs/common';
import { FLEETSCOPE_CONFIG, type Config } from '@fleetscope/config';
import { parseSystemFunctions } from '@fleetscope/ingest';
import { HttpGetError, httpGet } from '../platforms/http-get';
import { endpointOf, PlatformTargets, type PlatformTarget } from '../platforms/platform-targets';
import type { InventorySource, InventoryTargetResult } from './inventory-source';
import { openFaasConfigUpdate } from './pod-function.mapper';

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

  collect(signal: AbortSignal): Promise<InventoryTargetResult[]> {
    return Promise.all(this.targets.gateways.map((g) => this.gateway(g, signal)));
  }

  private async gateway(
    gateway: PlatformTarget,
    signal: AbortSignal,
  ): Promise<InventoryTargetResult> {
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
          signal,
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

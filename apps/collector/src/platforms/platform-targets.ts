import { Inject, Injectable } from '@nestjs/common';
import {
  ConfigError,
  ENV,
  FLEETSCOPE_CONFIG,
  parseTargetList,
  type Config,
  type PlatformTarget,
} from '@fleetscope/config';

// Parsed in libs/config, which the tuning drivers share with the scrapers.
export { endpointOf, parseTargetList, type PlatformTarget } from '@fleetscope/config';

/**
 * The OpenFaaS gateways and Knative metrics endpoints of the configuration, with the names their
 * functions are filed under. Scrapes, log pushes and the inventory must agree on these names, or
 * one function would appear under two ids.
 */
@Injectable()
export class PlatformTargets {
  readonly gateways: PlatformTarget[];
  readonly knativeEndpoints: PlatformTarget[];
  readonly knativeCluster: string;

  constructor(@Inject(FLEETSCOPE_CONFIG) config: Config) {
    this.knativeCluster = config.knativeCluster;
    this.gateways = parseTargetList(
      ENV.openfaasGateways.name,
      config.openfaasGateways,
      (url) => url.host,
    );
    const names = new Set<string>();
    for (const g of this.gateways) {
      if (names.has(g.label)) {
        throw new ConfigError([
          `${ENV.openfaasGateways.name}: two gateways are named "${g.label}"; give them names with name=URL`,
        ]);
      }
      names.add(g.label);
    }
    this.knativeEndpoints = parseTargetList(
      ENV.knativeMetricsUrls.name,
      config.knativeMetricsUrls,
      () => config.knativeCluster,
    );
  }

  /** The gateway a log push means when it names none: the only configured one, if there is one. */
  defaultGateway(): string | undefined {
    return this.gateways.length === 1 ? this.gateways[0].label : undefined;
  }
}

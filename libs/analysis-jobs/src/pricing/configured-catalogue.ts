import type { Config } from '@fleetscope/config';
import { defaultCatalogue, type PriceCatalogue } from '@fleetscope/pricing';

/**
 * The catalogue of a running process: the default list with the user's Kubernetes node price
 * (FLEETSCOPE_NODE_*_HOUR_USD). The one place production code picks the default list.
 */
export function configuredCatalogue(
  config: Pick<Config, 'nodeVcpuHourUsd' | 'nodeGibHourUsd'>,
): PriceCatalogue {
  return defaultCatalogue.withKubernetesNodePrice({
    vcpuHourUsd: config.nodeVcpuHourUsd,
    gibHourUsd: config.nodeGibHourUsd,
  });
}

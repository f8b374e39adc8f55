import type { Config } from '@fleetscope/config';
import { defaultCatalogue, type PriceCatalogue } from '@fleetscope/pricing';

/** The default catalogue with the user's Kubernetes node price (FLEETSCOPE_NODE_*_HOUR_USD). */
export function configuredCatalogue(
  config: Pick<Config, 'nodeVcpuHourUsd' | 'nodeGibHourUsd'>,
  base: PriceCatalogue = defaultCatalogue,
): PriceCatalogue {
  return base.withKubernetesNodePrice({
    vcpuHourUsd: config.nodeVcpuHourUsd,
    gibHourUsd: config.nodeGibHourUsd,
  });
}

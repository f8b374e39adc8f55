import type { Config } from '@fleetscope/config';
import { defaultCatalogue, type PriceCatalogue } from '@fleetscope/pricing';

/**
 * The catalogue of a running process: the default list with the user's Kubernetes node price
 * (FLEETSCOPE_NODE_*_HOUR_USD) and their dated Fargate Spot discount
 * (FLEETSCOPE_FARGATE_SPOT_DISCOUNT_*). The one place production code picks the default list.
 */
export function configuredCatalogue(
  config: Pick<Config, 'nodeVcpuHourUsd' | 'nodeGibHourUsd'> &
    Partial<Pick<Config, 'fargateSpotDiscountPercent' | 'fargateSpotDiscountAsOf'>>,
): PriceCatalogue {
  const withNode = defaultCatalogue.withKubernetesNodePrice({
    vcpuHourUsd: config.nodeVcpuHourUsd,
    gibHourUsd: config.nodeGibHourUsd,
  });
  return config.fargateSpotDiscountPercent !== undefined && config.fargateSpotDiscountAsOf
    ? withNode.withFargateSpotDiscount({
        percent: config.fargateSpotDiscountPercent,
        asOf: config.fargateSpotDiscountAsOf,
      })
    : withNode;
}

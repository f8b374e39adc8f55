import type { Config } from '@fleetscope/config';
import { defaultCatalogue, type PriceCatalogue } from '@fleetscope/pricing';

/**
 * The default catalogue with the user's Kubernetes node price (FLEETSCOPE_NODE_*_HOUR_USD) and,
 * when configured, their dated Fargate Spot discount (FLEETSCOPE_FARGATE_SPOT_DISCOUNT_*).
 */
export function configuredCatalogue(
  config: Pick<Config, 'nodeVcpuHourUsd' | 'nodeGibHourUsd'> &
    Partial<Pick<Config, 'fargateSpotDiscountPercent' | 'fargateSpotDiscountAsOf'>>,
  base: PriceCatalogue = defaultCatalogue,
): PriceCatalogue {
  const withNode = base.withKubernetesNodePrice({
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

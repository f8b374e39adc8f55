export * from './catalogue/price.types';
export * from './catalogue/price-catalogue';
export { roundUsd } from './catalogue/cost-accumulator';
export * from './catalogue/default-prices';
export * from './lambda/lambda-billing.rules';
export * from './lambda/lambda-tier.ledger';
export * from './pods/pod-billing.rules';
// Prices are computed through PricingService only (over the configured catalogue); the
// calculators behind it are not exported, so nothing can price with another catalogue.
export {
  billedInitMs,
  billedInitMsOf,
  lambdaMeters,
  provisionedConcurrencyBreakEvenUtilisation,
  type LambdaDurationTier,
  type LambdaInvocation,
  type LambdaUnitPrices,
  type LambdaUsage,
  type ProvisionedConcurrencyUsage,
  type SnapStartUsage,
} from './lambda/lambda-cost.calculator';
export {
  CONTAINER_OFFERS,
  type ContainerDeployment,
  type ContainerOffer,
} from './containers/container-cost.calculator';
export {
  azureExecutionGbSeconds,
  cloudRunBillableSeconds,
  defaultGcpVcpu,
  type AggregateUsage,
  type AzureConsumptionUsage,
  type CloudRunUsage,
  type GcpAzurePlatform,
} from './serverless/gcp-azure-cost.calculator';
export * from './pricing.service';

import { CostAccumulator } from './catalogue/cost-accumulator';
import type { PriceCatalogue } from './catalogue/price-catalogue';
import type { CostResult, PriceAssumption } from './catalogue/price.types';
import {
  containerDeploymentCost,
  kubernetesPodHourCost,
  kubernetesPodsCost,
  loadBalancerCost,
  type ContainerDeployment,
} from './containers/container-cost.calculator';
import type { LambdaArchitecture } from './lambda/lambda-billing.rules';
import type { PodResources } from './pods/pod-billing.rules';
import {
  aggregateUsageCost,
  type AggregateUsage,
  type GcpAzurePlatform,
} from './serverless/gcp-azure-cost.calculator';
import {
  lambdaDurationTier,
  LambdaDurationPrices,
  lambdaInvocationCost,
  lambdaUnitPrices,
  lambdaUsageCost,
  type LambdaDurationTier,
  type LambdaInvocation,
  type LambdaUnitPrices,
  type LambdaUsage,
} from './lambda/lambda-cost.calculator';

/**
 * Every dollar figure Fleetscope shows comes from one of these, over one catalogue: in a running
 * process the configured one (the `PricingService` provider of `@fleetscope/analysis-jobs`, built
 * from FLEETSCOPE_NODE_* over the default list), in a test the catalogue the test names. Each
 * result lists the price ids and the catalogue version it used. Pure: no I/O, no clock.
 */
export class PricingService {
  constructor(readonly catalogue: PriceCatalogue) {}

  get catalogueVersion(): string {
    return this.catalogue.version;
  }

  /** Aggregated Lambda usage (the fleet page, cold starts, analyses, reports). */
  lambdaUsage(usage: LambdaUsage, at: Date, region: string): CostResult {
    return lambdaUsageCost(usage, at, region, this.catalogue);
  }

  /** One Lambda invocation as a REPORT line describes it (tuning runs). */
  lambdaInvocation(invocation: LambdaInvocation, at: Date, region: string): CostResult {
    return lambdaInvocationCost(invocation, at, region, this.catalogue);
  }

  /** Marginal Lambda unit prices at a position in the monthly tiers (break-even maths). */
  lambdaUnitPrices(
    architecture: LambdaArchitecture,
    at: Date,
    region: string,
    monthToDateGbSeconds: number,
  ): LambdaUnitPrices {
    return lambdaUnitPrices(architecture, at, region, this.catalogue, monthToDateGbSeconds);
  }

  /** The on-demand duration tier an account with this month-to-date usage is billed in. */
  lambdaDurationTier(
    architecture: LambdaArchitecture,
    at: Date,
    region: string,
    monthToDateGbSeconds: number,
  ): LambdaDurationTier | null {
    return lambdaDurationTier(architecture, at, region, this.catalogue, monthToDateGbSeconds);
  }

  /** On-demand duration priced from a place in the month's tiers (LambdaDurationPrices). */
  lambdaDurationPrices(): LambdaDurationPrices {
    return new LambdaDurationPrices(this.catalogue);
  }

  /** Always-on container tasks (Fargate, Cloud Run, a Kubernetes node). */
  containerDeployment(deployment: ContainerDeployment, at: Date, region: string): CostResult {
    return containerDeploymentCost(deployment, at, region, this.catalogue);
  }

  /** An Application Load Balancer in front of container tasks (the container comparison). */
  loadBalancer(usage: { hours: number; lcuHours: number }, at: Date, region: string): CostResult {
    return loadBalancerCost(usage, at, region, this.catalogue);
  }

  /** Cloud Run, Cloud Functions 2nd gen or Azure Functions Consumption from aggregate sums. */
  serverlessUsage(
    platform: GcpAzurePlatform,
    usage: AggregateUsage,
    at: Date,
    region: string,
  ): CostResult {
    return aggregateUsageCost(platform, usage, at, region, this.catalogue);
  }

  /** Memory kept on a Kubernetes node (an idle Knative or OpenFaaS pod), in GiB-seconds. */
  kubernetesMemory(gibSeconds: number, at: Date, region: string): CostResult {
    const cost = new CostAccumulator(this.catalogue, at, region);
    cost.add('k8s.node.memory', gibSeconds / 3600);
    return cost.result();
  }

  /**
   * The meters that `region` would be priced with a default not published for it: what an
   * analysis must state (or withhold on) before quoting dollars there.
   */
  regionalAssumptions(meters: readonly string[], at: Date, region: string): PriceAssumption[] {
    const found: PriceAssumption[] = [];
    for (const meter of meters) {
      const entry = this.catalogue.find(meter, at, region);
      const assumption = entry ? this.catalogue.assumptionOf(entry, region) : null;
      if (assumption) found.push(assumption);
    }
    return found;
  }

  /** Whether `meter` has a price of `region`'s own, not the figure the catalogue gives every region. */
  hasOwnRegionalPrice(meter: string, at: Date, region: string): boolean {
    const entry = this.catalogue.find(meter, at, region);
    return entry !== undefined && entry.region !== '*';
  }

  /** Lambda provisioned concurrency allocated (not running) for `seconds`. */
  lambdaProvisionedAllocated(
    architecture: LambdaArchitecture,
    memoryMb: number,
    seconds: number,
    at: Date,
    region: string,
  ): CostResult {
    const cost = new CostAccumulator(this.catalogue, at, region);
    cost.add(`aws.lambda.pc-allocated.${architecture}`, (memoryMb / 1024) * seconds);
    return cost.result();
  }

  /** One Kubernetes pod-hour from its CPU and memory requests (Knative, OpenFaaS). */
  kubernetesPodHour(pod: PodResources, at: Date, region: string): CostResult {
    return kubernetesPodHourCost(pod, at, region, this.catalogue);
  }

  /**
   * Knative or OpenFaaS pods that ran `podSeconds` (podSecondsOf), each requesting `pod`'s CPU and
   * memory, at the Kubernetes node price: the weekly report's function-days and the fleet page.
   */
  kubernetesPods(pod: PodResources, podSeconds: number, at: Date, region: string): CostResult {
    return kubernetesPodsCost(pod, podSeconds, at, region, this.catalogue);
  }
}

import { CostAccumulator } from '../catalogue/cost-accumulator';
import type { PriceCatalogue } from '../catalogue/price-catalogue';
import type { CostResult } from '../catalogue/price.types';
import type { PodResources } from '../pods/pod-billing.rules';

/** Always-on container offers the comparison prices. */
export type ContainerOffer =
  'fargate-x86_64' | 'fargate-arm64' | 'fargate-spot' | 'cloud-run' | 'kubernetes';

export const CONTAINER_OFFERS: readonly ContainerOffer[] = [
  'fargate-x86_64',
  'fargate-arm64',
  'fargate-spot',
  'cloud-run',
  'kubernetes',
];

/** A fleet of identical tasks (pods, instances) running for `hours`. */
export interface ContainerDeployment {
  offer: ContainerOffer;
  vcpuPerTask: number;
  /** GB for Fargate, GiB for Cloud Run and Kubernetes (each provider's own unit). */
  memoryGbPerTask: number;
  tasks: number;
  hours: number;
}

interface OfferMeters {
  vcpu: string;
  memory: string;
  /** Seconds per unit of the price (3600 for hourly prices, 1 for per-second prices). */
  secondsPerUnit: number;
}

function metersOf(offer: ContainerOffer): OfferMeters {
  switch (offer) {
    case 'fargate-x86_64':
      return {
        vcpu: 'aws.fargate.vcpu.x86_64',
        memory: 'aws.fargate.memory.x86_64',
        secondsPerUnit: 3600,
      };
    case 'fargate-arm64':
      return {
        vcpu: 'aws.fargate.vcpu.arm64',
        memory: 'aws.fargate.memory.arm64',
        secondsPerUnit: 3600,
      };
    case 'fargate-spot':
      return {
        vcpu: 'aws.fargate-spot.vcpu.x86_64',
        memory: 'aws.fargate-spot.memory.x86_64',
        secondsPerUnit: 3600,
      };
    case 'cloud-run':
      // Instance-based billing (CPU always allocated) is the always-on equivalent.
      return {
        vcpu: 'gcp.cloud-run.instance-based.vcpu',
        memory: 'gcp.cloud-run.instance-based.memory',
        secondsPerUnit: 1,
      };
    case 'kubernetes':
      return { vcpu: 'k8s.node.vcpu', memory: 'k8s.node.memory', secondsPerUnit: 3600 };
  }
}

/** The cost of running `tasks` always-on tasks for `hours`. Never throws. */
export function containerDeploymentCost(
  deployment: ContainerDeployment,
  at: Date,
  region: string,
  catalogue: PriceCatalogue,
): CostResult {
  const meters = metersOf(deployment.offer);
  const cost = new CostAccumulator(catalogue, at, region);
  const unitsPerTask = (deployment.hours * 3600) / meters.secondsPerUnit;
  cost.add(meters.vcpu, deployment.tasks * deployment.vcpuPerTask * unitsPerTask);
  cost.add(meters.memory, deployment.tasks * deployment.memoryGbPerTask * unitsPerTask);
  return cost.result();
}

/**
 * `podSeconds` of Kubernetes pods that each request `pod`'s CPU and memory, at the node price
 * (Knative, OpenFaaS: the weekly report and the fleet page).
 */
export function kubernetesPodsCost(
  pod: PodResources,
  podSeconds: number,
  at: Date,
  region: string,
  catalogue: PriceCatalogue,
): CostResult {
  return containerDeploymentCost(
    {
      offer: 'kubernetes',
      vcpuPerTask: pod.vcpu,
      memoryGbPerTask: pod.memoryMb / 1024,
      tasks: 1,
      hours: podSeconds / 3600,
    },
    at,
    region,
    catalogue,
  );
}

/** One Kubernetes pod's hourly price from its requested CPU and memory (Knative, OpenFaaS). */
export function kubernetesPodHourCost(
  pod: PodResources,
  at: Date,
  region: string,
  catalogue: PriceCatalogue,
): CostResult {
  return kubernetesPodsCost(pod, 3600, at, region, catalogue);
}

/** An Application Load Balancer for `hours` carrying `lcuHours` load-balancer capacity units. */
export function loadBalancerCost(
  usage: { hours: number; lcuHours: number },
  at: Date,
  region: string,
  catalogue: PriceCatalogue,
): CostResult {
  const cost = new CostAccumulator(catalogue, at, region);
  cost.add('aws.elb.application.hour', usage.hours);
  cost.add('aws.elb.application.lcu', usage.lcuHours);
  return cost.result();
}

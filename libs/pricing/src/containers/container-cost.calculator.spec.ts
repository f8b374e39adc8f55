import { defaultCatalogue } from '../catalogue/price-catalogue';
import { containerDeploymentCost, kubernetesPodHourCost } from './container-cost.calculator';

const at = new Date('2025-01-01T00:00:00Z');
const cents = (usd: number) => Math.round(usd * 100) / 100;

describe(containerDeploymentCost.name, () => {
  it('prices Fargate x86 per vCPU-hour and GB-hour: 2 × (1 vCPU, 2 GB) for 730 h is $72.08', () => {
    const cost = containerDeploymentCost(
      { offer: 'fargate-x86_64', vcpuPerTask: 1, memoryGbPerTask: 2, tasks: 2, hours: 730 },
      at,
      'us-east-1',
      defaultCatalogue,
    );
    expect(cents(cost.usd)).toBe(72.08);
  });

  it('prices Cloud Run instance-based per vCPU-second and GiB-second', () => {
    const cost = containerDeploymentCost(
      { offer: 'cloud-run', vcpuPerTask: 1, memoryGbPerTask: 2, tasks: 1, hours: 730 },
      at,
      'us-central1',
      defaultCatalogue,
    );
    expect(cents(cost.usd)).toBe(57.82);
  });

  it('prices a Kubernetes pod at the user-configured node price', () => {
    const catalogue = defaultCatalogue.withKubernetesNodePrice({
      vcpuHourUsd: 0.03,
      gibHourUsd: 0.004,
    });
    const cost = kubernetesPodHourCost({ vcpu: 0.5, memoryMb: 512 }, at, '', catalogue);
    expect(cost.usd).toBeCloseTo(0.015 + 0.002, 9);
    expect(cost.catalogueVersion).toContain('+k8s-0.03-0.004');
  });
});

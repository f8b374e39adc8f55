import type { ChangeParts, CostBreakdown } from '../build/weekly-report';

/** Display rounding only: the JSON keeps full precision. */
export function usd(value: number): string {
  const abs = Math.abs(value);
  const text =
    abs > 0 && abs < 0.01
      ? abs.toPrecision(2)
      : abs.toLocaleString('en-US', { minimumFractionDigits: 2, maximumFractionDigits: 2 });
  return `${value < 0 ? '-' : ''}$${text}`;
}

export function signedUsd(value: number): string {
  return value > 0 ? `+${usd(value)}` : usd(value);
}

export function percent(ratio: number | null): string {
  return ratio === null ? 'new' : `${ratio >= 0 ? '+' : ''}${(ratio * 100).toFixed(1)} %`;
}

export const BREAKDOWN_LABELS: Record<keyof CostBreakdown, string> = {
  requests: 'Requests',
  compute: 'Compute',
  provisionedConcurrency: 'Provisioned concurrency',
  init: 'INIT',
  ephemeralStorage: 'Ephemeral storage',
  snapStart: 'SnapStart',
  pods: 'Pods',
};

export const PART_LABELS: Record<keyof ChangeParts, string> = {
  invocations: 'Invocations',
  duration: 'Duration',
  memorySize: 'Memory',
  architecture: 'Architecture',
  price: 'Price',
  other: 'Other',
};

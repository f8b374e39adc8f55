import { billedRequestMs } from './request-billing';

describe(billedRequestMs.name, () => {
  it('rounds Cloud Run and Cloud Functions requests up to 100 ms', () => {
    expect(billedRequestMs('gcp_cloud_run', 12)).toBe(100);
    expect(billedRequestMs('gcp_cloud_run', 250)).toBe(300);
    expect(billedRequestMs('gcp_cloud_functions', 1000)).toBe(1000);
    expect(billedRequestMs('gcp_cloud_functions', 1000.2)).toBe(1100);
  });

  it('bills Azure Functions at least 100 ms, in whole ms', () => {
    expect(billedRequestMs('azure_functions', 40)).toBe(100);
    expect(billedRequestMs('azure_functions', 250.2)).toBe(251);
  });

  it('leaves the others to what the platform says it billed', () => {
    expect(billedRequestMs('aws_lambda', 250)).toBeNull();
    expect(billedRequestMs('knative', 250)).toBeNull();
    expect(billedRequestMs('gcp_cloud_run', Number.NaN)).toBeNull();
  });
});

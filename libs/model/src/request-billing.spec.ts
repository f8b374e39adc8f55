import { azureBilledMemoryMb, billedRequestMemoryMb, billedRequestMs } from './request-billing';

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

describe(billedRequestMemoryMb.name, () => {
  it('bills Azure Functions memory in 128 MB steps from 128 to 1,536 MB', () => {
    expect(billedRequestMemoryMb('azure_functions', 200)).toBe(256);
    expect(billedRequestMemoryMb('azure_functions', 256)).toBe(256);
    expect(billedRequestMemoryMb('azure_functions', 60)).toBe(128);
    expect(billedRequestMemoryMb('azure_functions', 2048)).toBe(1536);
    expect(azureBilledMemoryMb(1537)).toBe(1536);
  });

  it("leaves other platforms' memory and an unknown memory as they are", () => {
    expect(billedRequestMemoryMb('gcp_cloud_run', 200)).toBe(200);
    expect(billedRequestMemoryMb('aws_lambda', 1000)).toBe(1000);
    expect(billedRequestMemoryMb('azure_functions', null)).toBeNull();
    // 0 is how the aggregate stores an unknown size: not the least Azure bills.
    expect(billedRequestMemoryMb('azure_functions', 0)).toBe(0);
  });
});

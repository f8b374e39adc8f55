import { podResourcesOf, podSecondsOf } from './pod-billing.rules';

describe(podSecondsOf.name, () => {
  it('counts min-scale pods for the whole span, whatever the traffic', () => {
    expect(podSecondsOf({ minScale: 2, seconds: 86_400, activeMinutes: 30 })).toBe(172_800);
    expect(podSecondsOf({ minScale: 1, seconds: 1_800, activeMinutes: 0 })).toBe(1_800);
  });

  it('counts one pod in each minute with requests when min-scale is 0', () => {
    expect(podSecondsOf({ minScale: 0, seconds: 86_400, activeMinutes: 30 })).toBe(1_800);
    expect(podSecondsOf({ minScale: 0, seconds: 600, activeMinutes: 0 })).toBe(0);
  });
});

describe(podResourcesOf.name, () => {
  it('knows a pod only when both its CPU and memory requests are', () => {
    expect(podResourcesOf(0.5, 512)).toEqual({ vcpu: 0.5, memoryMb: 512 });
    expect(podResourcesOf(null, 512)).toBeNull();
    expect(podResourcesOf(0.5, undefined)).toBeNull();
    expect(podResourcesOf(0, 512)).toBeNull();
  });
});

import { PlatformDiffers } from './platform-differs';

describe(PlatformDiffers.name, () => {
  it('hands out strictly increasing times per target', () => {
    const differs = new PlatformDiffers();
    const first = differs.timeFor('knative c push:a');
    expect(differs.timeFor('knative c push:a')).toBeGreaterThan(first);
  });

  it('remembers at most 10,000 targets, forgetting the least recently seen', () => {
    const differs = new PlatformDiffers();
    for (let i = 0; i < 12_000; i++) differs.timeFor(`knative c push:t${i}`);
    expect(differs.size).toBe(10_000);
  });
});

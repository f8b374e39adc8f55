import { PricingService, defaultCatalogue } from '@fleetscope/pricing';
import type { AnalysisContext } from '../analyzer';
import type { Recommendation } from '../recommendation';
import { lambdaProfile } from '../testing/fleet.generator';
import {
  ARCHITECTURE_ASSUMED_PRICE_ID,
  lambdaPriceAssumptions,
  statePriceAssumptions,
} from './price-assumptions';

const ctx: AnalysisContext = {
  pricing: new PricingService(defaultCatalogue),
  at: new Date('2025-09-15T00:00:00Z'),
};

function saving(lowUsd: number, highUsd: number): Recommendation {
  return {
    kind: 'provisioned-concurrency',
    functionId: lambdaProfile().functionId,
    reason: 'Level 10 saves money.',
    savingUsd: { lowUsd, highUsd },
    monthlyImpactUsd: (lowUsd + highUsd) / 2,
    evidence: {},
    planRole: 'change',
  } as unknown as Recommendation;
}

describe(statePriceAssumptions.name, () => {
  it('architecture unknown (silently priced as x86_64): every Lambda figure states it, and the saving range widens to what arm64 prices give (us-east-1 0.8)', () => {
    const assumed = lambdaPriceAssumptions(
      lambdaProfile({ architectureAssumed: true }),
      'provisioned-concurrency',
      ctx,
    );
    expect(assumed.map((a) => a.priceId)).toEqual([ARCHITECTURE_ASSUMED_PRICE_ID]);
    const stated = statePriceAssumptions(saving(125.44, 126.02), assumed);
    expect(stated.savingUsd.lowUsd).toBeCloseTo(0.8 * 125.44, 3);
    expect(stated.savingUsd.highUsd).toBe(126.02);
    expect(stated.monthlyImpactUsd).toBeCloseTo((0.8 * 125.44 + 126.02) / 2, 3);
    expect(stated.reason).toBe(
      "Level 10 saves money. Architecture unknown: priced as x86_64; on arm64 the figures are up to 20 % lower (requests cost the same), and the saving's low end is what arm64 prices would give.",
    );
    // Stated once: a second pass (or an analyzer that stated it before its gates) widens nothing.
    expect(statePriceAssumptions(stated, assumed)).toBe(stated);
    // A cost stays a cost: its smaller end moves toward nothing.
    expect(statePriceAssumptions(saving(-10, -5), assumed).savingUsd).toEqual({
      lowUsd: -10,
      highUsd: expect.closeTo(-4, 3),
    });
  });

  it('says which end arm64 prices give of a cost as of a saving, read from the range (rv-memfull: "the saving\'s low end" on a cost of up to $0.56, $0.45 on arm64)', () => {
    const assumed = lambdaPriceAssumptions(
      lambdaProfile({ architectureAssumed: true }),
      'provisioned-concurrency',
      ctx,
    );
    const upTo = statePriceAssumptions(saving(-0.56, 0), assumed);
    expect(upTo.savingUsd).toEqual({ lowUsd: -0.56, highUsd: 0 });
    expect(upTo.reason).toBe(
      'Level 10 saves money. Architecture unknown: priced as x86_64; on arm64 the figures are up to 20 % lower (requests cost the same), and arm64 prices would give up to $0.45 more a month.',
    );
    expect(statePriceAssumptions(saving(-10, -5), assumed).reason).toContain(
      "and the cost's smaller end is what arm64 prices would give.",
    );
    expect(statePriceAssumptions(saving(-5, 10), assumed).reason).toContain(
      'and arm64 prices would give between $4.00 more and $8.00 less a month.',
    );
    // The evidence states what the reason does.
    expect(upTo.evidence.priceAssumptions).toEqual([
      expect.objectContaining({ message: expect.stringContaining('up to $0.45 more a month') }),
    ]);
  });

  it('says nothing on a finding that quotes no dollar figure (a timeout, an OOM)', () => {
    const assumed = lambdaPriceAssumptions(
      lambdaProfile({ architectureAssumed: true }),
      'timeout-risk',
      ctx,
    );
    const reliability = saving(0, 0);
    // It ended "… and the saving's low end is what arm64 prices would give" on a $0 finding.
    expect(statePriceAssumptions(reliability, assumed)).toBe(reliability);
  });

  it('says nothing of the architecture when a record named it', () => {
    for (const architecture of ['x86_64', 'arm64'] as const)
      expect(
        lambdaPriceAssumptions(lambdaProfile({ architecture }), 'provisioned-concurrency', ctx),
      ).toEqual([]);
    expect(
      lambdaPriceAssumptions(
        lambdaProfile({ platform: 'knative', architectureAssumed: true }),
        'memory',
        ctx,
      ),
    ).toEqual([]);
  });
});

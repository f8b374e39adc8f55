import { LambdaTierLedger, lambdaTierOrder, type LambdaTierPlace } from './lambda-tier.ledger';

const NOV_30 = Date.parse('2026-11-30T00:00:00Z');
const DEC_1 = Date.parse('2026-12-01T00:00:00Z');
const place = (over: Partial<LambdaTierPlace> = {}): LambdaTierPlace => ({
  account: '111111111111',
  region: 'us-east-1',
  architecture: 'x86_64',
  dayStartMs: NOV_30,
  ...over,
});

/** Records where each usage was placed, and adds `gbSeconds`. */
function add(ledger: LambdaTierLedger, at: LambdaTierPlace, gbSeconds: number): number {
  return ledger.price(at, (used) => ({ onDemandGbSeconds: gbSeconds, used })).used;
}

describe(LambdaTierLedger.name, () => {
  it('places each usage after the account, region and architecture so far this month', () => {
    const ledger = new LambdaTierLedger();
    expect(add(ledger, place(), 7e9)).toBe(0);
    expect(add(ledger, place(), 10)).toBe(7e9);
    expect(add(ledger, place({ architecture: 'arm64' }), 5)).toBe(0);
    expect(add(ledger, place({ region: 'eu-west-1' }), 5)).toBe(0);
    expect(add(ledger, place({ account: '222222222222' }), 5)).toBe(0);
  });

  it('counts usage added without pricing where price() would place it', () => {
    const ledger = new LambdaTierLedger();
    expect(ledger.add(place(), 7e9)).toBe(0);
    expect(add(ledger, place(), 10)).toBe(7e9);
    expect(ledger.add(place(), 5)).toBe(7e9 + 10);
    expect(ledger.add(place({ dayStartMs: DEC_1 }), 5)).toBe(0);
    expect(add(ledger, place({ dayStartMs: DEC_1 }), 1)).toBe(5);
  });

  it('starts again on the first of the month (UTC)', () => {
    const ledger = new LambdaTierLedger();
    add(ledger, place(), 7e9);
    expect(add(ledger, place({ dayStartMs: DEC_1 }), 1e9)).toBe(0);
    expect(add(ledger, place({ dayStartMs: DEC_1 + 86_400_000 }), 1)).toBe(1e9);
  });

  it("totals an Organization's accounts together when grouped so", () => {
    const ledger = new LambdaTierLedger('organization');
    add(ledger, place(), 7e9);
    expect(add(ledger, place({ account: '222222222222' }), 5)).toBe(7e9);
    expect(add(ledger, place({ region: 'eu-west-1' }), 5)).toBe(0);
  });
});

describe(lambdaTierOrder.name, () => {
  it('orders by day, then by function id within a day', () => {
    const days = [
      { dayStartMs: DEC_1, functionId: 'a' },
      { dayStartMs: NOV_30, functionId: 'checkout' },
      { dayStartMs: NOV_30, functionId: 'big' },
    ];
    expect([...days].sort(lambdaTierOrder)).toEqual([days[2], days[1], days[0]]);
  });

  it("orders function ids by their code units, whatever the machine's locale", () => {
    // localeCompare put 'api-b' before 'api_a' and 'Api' after 'api' (ICU's collation, which
    // depends on the locale and ICU data Node was built with); the bill's split cannot.
    const ids = ['api_a', 'api-b', 'api', 'Api'];
    const days = ids.map((functionId) => ({ dayStartMs: NOV_30, functionId }));
    expect([...days].sort(lambdaTierOrder).map((d) => d.functionId)).toEqual([
      'Api',
      'api',
      'api-b',
      'api_a',
    ]);
  });
});

import { parse } from 'csv-parse/sync';
import type { ReportFunction } from '../build/report-inputs';
import { buildWeeklyReport } from '../build/weekly-report.builder';
import { inputs, pricing } from '../testing/known-week.inputs';
import { api, batch, custom, day, ksvc, usage, warm } from '../testing/known-week.inputs';
import {
  FOCUS_COLUMNS,
  FOCUS_COST_BASIS,
  FOCUS_MANDATORY_COLUMNS,
  renderFocusCsv,
  toDecimal,
} from './focus-csv.renderer';
import { escapeHtml, renderHtml } from './html.renderer';
import { renderMarkdown } from './markdown.renderer';
import { renderReport } from './report-format';
import { COST_BASIS, coldStartTexts, signedUsd, usd } from './report-text';
import { renderPlainText } from './plain-text.renderer';
import { renderSlackMessage } from './slack-message.renderer';

const report = buildWeeklyReport(inputs, pricing);
const DECIMAL = /^-?\d+(\.\d+)?$/;
const DATE_TIME = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}Z$/;

/**
 * FOCUS 1.2's nullability by ChargeCategory (specification/columns; ChargeClass is never
 * "Correction" here): a Usage row names its SKU, SKU price, unit prices, pricing category and
 * quantities; any other has no consumed quantity. Empty cells are nulls.
 */
function expectFocusNullability(rows: readonly Record<string, string>[]): void {
  const usageColumns = [
    'SkuId',
    'SkuMeter',
    'SkuPriceId',
    'ListUnitPrice',
    'ContractedUnitPrice',
    'PricingCategory',
    'PricingQuantity',
    'PricingUnit',
    'ConsumedQuantity',
    'ConsumedUnit',
  ];
  for (const r of rows) {
    const nulls = (columns: string[]) => columns.filter((c) => r[c] === '');
    expect(nulls(['BillingAccountId', 'ChargeCategory', 'ProviderName'])).toEqual([]);
    if (r.ChargeCategory === 'Usage') expect(nulls(usageColumns)).toEqual([]);
    else expect([r.ConsumedQuantity, r.ConsumedUnit]).toEqual(['', '']);
    expect(r.SkuMeter === '').toBe(r.SkuId === '');
    expect(r.PricingUnit === '').toBe(r.PricingQuantity === '');
  }
}

describe(renderFocusCsv.name, () => {
  const rows: Record<string, string>[] = parse(renderFocusCsv(report), { columns: true });

  it('has every mandatory FOCUS 1.2 column, and custom columns only with the x_ prefix', () => {
    const header = Object.keys(rows[0]);
    for (const column of FOCUS_MANDATORY_COLUMNS) expect(header).toContain(column);
    expect(header.filter((c) => !/^[A-Z]/.test(c)).every((c) => c.startsWith('x_'))).toBe(true);
    expect(header).toEqual([...FOCUS_COLUMNS]);
  });

  it('writes each column with its FOCUS type and allowed values', () => {
    expectFocusNullability(rows);
    for (const row of rows) {
      for (const c of ['BilledCost', 'EffectiveCost', 'ListCost', 'ContractedCost']) {
        expect(row[c]).toMatch(DECIMAL);
      }
      expect(row.PricingQuantity).toMatch(DECIMAL);
      expect(row.ConsumedQuantity).toMatch(DECIMAL);
      for (const c of [
        'ChargePeriodStart',
        'ChargePeriodEnd',
        'BillingPeriodStart',
        'BillingPeriodEnd',
      ]) {
        expect(row[c]).toMatch(DATE_TIME);
      }
      // The charge period lies inside its billing period (a calendar month).
      expect(row.ChargePeriodStart >= row.BillingPeriodStart).toBe(true);
      expect(row.ChargePeriodEnd <= row.BillingPeriodEnd).toBe(true);
      expect(row.BillingCurrency).toBe('USD');
      expect(['Usage', 'Purchase', 'Tax', 'Credit', 'Adjustment']).toContain(row.ChargeCategory);
      expect(row.ChargeClass).toBe(''); // null: no correction of an invoiced period
      expect(row.ServiceCategory).toBe('Compute');
      expect(row.PricingUnit).not.toBe('');
      expect(row.ServiceName).not.toBe('');
    }
  });

  it('adds up to the report total and splits a week across months at the month boundary', () => {
    const billed = rows.reduce((s, r) => s + Number(r.BilledCost), 0);
    expect(billed).toBeCloseTo(report.totalCostUsd, 6);
    // 2025-W31 runs from July into August: api's requests appear once per month.
    const apiRequests = rows.filter(
      (r) => r.ResourceName === 'api' && r.x_CostCategory === 'requests',
    );
    expect(
      apiRequests.map((r) => [r.ChargePeriodStart, r.ChargePeriodEnd, r.PricingQuantity]),
    ).toEqual([
      ['2025-07-28T00:00:00Z', '2025-08-01T00:00:00Z', '1000000'],
      ['2025-08-01T00:00:00Z', '2025-08-04T00:00:00Z', '1000000'],
    ]);
    expect(apiRequests[0].ResourceId).toBe('arn:aws:lambda:us-east-1:111111111111:function:api');
  });

  it('gives each SKU price one unit price: a volume tier after the first is a SKU price of its own', () => {
    const prices = new Map<string, Set<string>>();
    for (const r of rows)
      prices.set(r.SkuPriceId, (prices.get(r.SkuPriceId) ?? new Set()).add(r.ListUnitPrice));
    expect([...prices].filter(([, p]) => p.size > 1)).toEqual([]);
    // batch crossed 7.5 billion arm64 GB-seconds on 2025-07-30 (the account's July tier).
    const duration = rows.filter(
      (r) => r.ResourceName === 'batch' && r.SkuId === 'aws.lambda.duration.arm64',
    );
    expect(duration.map((r) => [r.ChargePeriodStart, r.SkuPriceId, r.ListUnitPrice])).toEqual([
      ['2025-07-28T00:00:00Z', 'aws.lambda.duration.arm64@*@2022-08-01', '0.0000133334'],
      ['2025-07-28T00:00:00Z', 'aws.lambda.duration.arm64@*@2022-08-01#tier2', '0.0000120001'],
      ['2025-08-01T00:00:00Z', 'aws.lambda.duration.arm64@*@2022-08-01', '0.0000133334'],
    ]);
  });

  it('names the metered functionality of each SKU (SkuMeter, FOCUS 1.2 with SkuId)', () => {
    for (const r of rows) expect(r.SkuMeter).toBe(r.SkuId);
    expect(new Set(rows.map((r) => r.SkuMeter))).toContain('aws.lambda.requests');
  });
});

describe(renderHtml.name, () => {
  it('is one self-contained document for e-mail: inline SVG charts, no scripts or external resources', () => {
    const html = renderHtml(report);
    expect(html).toMatch(/^<!DOCTYPE html>/);
    expect(html).toContain('<svg');
    expect(html).not.toMatch(/<script|<link|<img|<iframe|src=|href=|url\(/i);
    expect(html).toContain('Data for all 7 days of 2025-W31');
  });

  it('escapes what the data says', () => {
    const hostile = buildWeeklyReport(
      {
        ...inputs,
        functions: inputs.functions.map((f) =>
          f.name === 'api' ? { ...f, name: '<script>alert(1)</script>' } : f,
        ),
      },
      pricing,
    );
    const html = renderHtml(hostile);
    expect(html).not.toContain('<script>');
    expect(html).toContain('&lt;script&gt;alert(1)&lt;/script&gt;');
  });
});

describe('renderHtml coverage banner', () => {
  it('is amber when the week compared with has gaps, even if this week is complete', () => {
    // The known week is complete; the week before it has data on 2 of its 7 days.
    expect(report.coverage.status).toBe('complete');
    expect(renderHtml(report)).toMatch(/<div data-coverage="complete" style="background:#fff3c4;/);
  });
});

describe(renderMarkdown.name, () => {
  it('leads with the coverage and the total, display-rounded', () => {
    const md = renderMarkdown(report);
    expect(md).toContain('# Fleetscope weekly cost report 2025-W31');
    expect(md).toContain('**Total: $5,206.79**');
    expect(md).toContain('> Data for all 7 days of 2025-W31');
  });

  it('names the price catalogue of a recommendation priced with another version than the report', () => {
    const rec = (catalogueVersion: string) => ({
      kind: 'memory',
      functionId: 'aws_lambda~111111111111~us-east-1~api',
      name: 'api',
      title: 'Set memory to 512 MB',
      reason: 'p95 memory use is 200 MB',
      monthlyImpactUsd: 12,
      savingRangeUsd: { low: 10, high: 14 },
      rangeBasis: "the analysis's saving range",
      confidence: 'high',
      confidenceScore: 0.9,
      planRole: 'change' as const,
      inTotal: true,
      catalogueVersion,
    });
    const older = { ...report, recommendations: [rec('prices-2024.01')] };
    expect(renderMarkdown(older)).toContain('| $10.00 to $14.00 (prices prices-2024.01) |');
    expect(renderHtml(older)).toContain('$10.00 to $14.00 (prices prices-2024.01)');
    const same = { ...report, recommendations: [rec(report.catalogueVersion)] };
    expect(renderMarkdown(same)).toContain('| $10.00 to $14.00 |');
  });

  it('lists idle min-scale pods only where there are some', () => {
    expect(renderMarkdown(report)).not.toContain('Idle min-scale pods');
    const kept = {
      ...report,
      idleMinScalePods: [
        {
          functionId: 'knative~shop~prod~ksvc',
          name: 'ksvc',
          pods: 2,
          allocatedPodSeconds: 172_800,
          busyPodSeconds: 43_200,
          utilisation: 0.25,
          allocatedUsd: 0.9144,
          idleUsd: 0.6858,
        },
      ],
    };
    expect(renderMarkdown(kept)).toContain('| ksvc | 2 | 25.0 % | $0.91 | $0.69 |');
    expect(renderHtml(kept)).toContain('Idle min-scale pods');
  });
});

describe('cold starts of which only some have an init duration', () => {
  const untimed: ReportFunction = {
    ...api,
    functionId: 'aws_lambda~1~us-east-1~untimed',
    name: 'untimed',
  };
  const spans = { sources: ['otel_span'], memoryMb: 512 };
  const untimedDay = usage(untimed, '2025-08-02', {
    ...spans,
    invocations: 100,
    coldStarts: 8,
    billedDurationMs: 10_000,
  });
  const untimedCold = {
    functionId: untimed.functionId,
    coldStartsWithInit: 0,
    latencyAddedMs: null,
  };
  const partial = buildWeeklyReport(
    {
      ...inputs,
      functions: [...inputs.functions, untimed],
      days: [...inputs.days, untimedDay],
      coldStarts: [...inputs.coldStarts, untimedCold],
    },
    pricing,
  );
  const none = buildWeeklyReport(
    { ...inputs, functions: [untimed], days: [untimedDay], coldStarts: [untimedCold] },
    pricing,
  );

  it('says in Markdown (the e-mail text) and HTML which of them the wait and cost cover', () => {
    const covered = 'from 40 of 48 cold starts (the others have no init duration)';
    const md = renderMarkdown(partial);
    expect(md).toContain(
      `users waited 9.0 s, costing ${usd(partial.coldStarts.costUsd!)}, ${covered}.`,
    );
    expect(md).not.toContain('in total');
    const html = renderHtml(partial);
    expect(html).toContain(covered);
    expect(html).toMatch(
      /untimed<\/td><td[^>]*>8 \(0 with an init duration\)<\/td><td[^>]*>unknown<\/td><td[^>]*>unknown</,
    );
    expect(JSON.parse(renderReport(partial, 'json').body).coldStarts.coldStartsWithInit).toBe(40);
  });

  it('says the wait and cost are unknown when none has an init duration, never 0', () => {
    const md = renderMarkdown(none);
    expect(md).toContain(
      'users waited an unknown time, costing an unknown amount, from 0 of 8 cold starts (the others have no init duration).',
    );
    expect(md).not.toMatch(/waited 0\.0 s|costing \$0\.00/);
    expect(renderHtml(none)).toContain('users waited an unknown time');
  });

  it('keeps the wording of a week whose cold starts all have one, and of a report stored before they were counted', () => {
    expect(renderMarkdown(report)).toContain('users waited 9.0 s in total, costing');
    const { coldStartsWithInit, ...stored } = report.coldStarts;
    expect(coldStartsWithInit).toBe(40);
    expect(renderMarkdown({ ...report, coldStarts: stored })).toContain(
      'users waited 9.0 s in total, costing',
    );
  });
});

describe(usd.name, () => {
  it('never shows a dollar amount in exponent notation, and float noise as zero', () => {
    // The "other" part of a mover is a difference of sums: 1 - 0.9 - 0.1 is -2.8e-17, not money.
    expect(usd(1 - 0.9 - 0.1)).toBe('$0.00');
    expect(signedUsd(5.551115123125783e-17)).toBe('$0.00');
    // One 1 ms invocation at 128 MB on arm64 costs about $0.0000000017: still shown, in full.
    expect(usd(0.0000000017)).toBe('$0.0000000017');
    expect(usd(-0.00033333)).toBe('-$0.00033');
    expect(usd(0.0000068)).toBe('$0.0000068');
    expect(usd(1234.5)).toBe('$1,234.50');
  });
});

describe(toDecimal.name, () => {
  it('writes the decimal a person would, without the binary noise of sums and quotients', () => {
    expect(toDecimal(0.000013333399999999998)).toBe('0.0000133334');
    expect(toDecimal(0.000012000060000000001)).toBe('0.00001200006');
    expect(toDecimal(0.15000000000000002)).toBe('0.15');
    expect(toDecimal(0.1 + 0.2)).toBe('0.3');
    // Never an exponent, and never a value changed beyond its 15th significant digit.
    expect(toDecimal(4e-7)).toBe('0.0000004');
    expect(toDecimal(1.23456789012345e-8)).toBe('0.0000000123456789012345');
    expect(toDecimal(-2.8e-17)).toBe('-0.000000000000000028');
    expect(toDecimal(123456789.125)).toBe('123456789.125');
    expect(toDecimal(3_000_000)).toBe('3000000');
    expect(toDecimal(1e21)).toBe('1000000000000000000000');
    expect(toDecimal(0)).toBe('0');
  });
});

describe('numbers of a small arm64 week', () => {
  // One invocation of 1,050 ms at 1 GB on arm64: 1.05 GB-s, $0.0000140000700 of duration.
  const small = buildWeeklyReport(
    {
      week: '2025-W31',
      generatedAtMs: day('2025-08-04'),
      functions: [batch],
      days: [
        usage(batch, '2025-07-29', { invocations: 1, memoryMb: 1024, billedDurationMs: 1050 }),
        usage(batch, '2025-07-30', { invocations: 2, memoryMb: 1024, billedDurationMs: 100 }),
      ],
      coldStarts: [],
      recommendations: [],
    },
    pricing,
  );

  it('writes FOCUS decimals with no more than 15 significant digits', () => {
    const rows: Record<string, string>[] = parse(renderFocusCsv(small), { columns: true });
    const numeric = [
      'BilledCost',
      'EffectiveCost',
      'ListCost',
      'ContractedCost',
      'PricingQuantity',
      'ConsumedQuantity',
      'ListUnitPrice',
      'ContractedUnitPrice',
    ];
    for (const row of rows) {
      for (const column of numeric) {
        const digits = row[column].replace(/^-?[0.]*/, '').replace('.', '');
        expect({ column, value: row[column], digits: digits.length <= 15 }).toEqual({
          column,
          value: row[column],
          digits: true,
        });
      }
    }
    const duration = rows.find((r) => r.x_CostCategory === 'compute')!;
    // 1.05 + 0.1 is 1.1500000000000001 in binary floating point.
    expect(duration.ConsumedQuantity).toBe('1.15');
  });

  it('shows GB-seconds below one thousand with their decimals in Markdown and HTML', () => {
    expect(renderMarkdown(small)).toMatch(/\| on demand \| arm64 \| 0\.0000133334 \| 1\.15 \| /);
    expect(renderHtml(small)).toContain('>1.15</td>');
  });
});

describe('a week in progress', () => {
  // Built on Sunday 2025-08-03 at 12:00, before the week ends.
  const partial = buildWeeklyReport(
    { ...inputs, generatedAtMs: day('2025-08-03') + 12 * 3_600_000 },
    pricing,
  );
  const notice =
    'In progress: figures through 2025-08-03 12:00 UTC of a week that ends 2025-08-04 00:00 UTC.';

  it('says so in every format, and the complete week in none', () => {
    expect(renderMarkdown(partial)).toContain(`> **${notice.replace(':', ':**')}`);
    expect(renderHtml(partial)).toContain('data-in-progress="true"');
    expect(renderHtml(partial)).toContain(notice.slice('In progress: '.length));
    const slack = renderSlackMessage(partial, { url: 'https://fleetscope.example/reports.html' });
    expect(slack.text).toMatch(/^\[In progress\] Fleetscope 2025-W31/);
    expect(JSON.stringify(slack.blocks)).toContain('(in progress)');
    const rows: Record<string, string>[] = parse(renderFocusCsv(partial), { columns: true });
    expect(rows.length).toBeGreaterThan(0);
    expect(rows.every((r) => r.x_WeekComplete === 'false')).toBe(true);
    expect(rows.every((r) => r.ChargePeriodEnd <= '2025-08-03T12:00:00Z')).toBe(true);
    expect(renderReport(partial, 'csv').fileName).toBe('fleetscope-2025-W31-in-progress.csv');

    expect(renderMarkdown(report)).not.toContain('In progress');
    expect(renderHtml(report)).not.toContain('data-in-progress');
    const complete: Record<string, string>[] = parse(renderFocusCsv(report), { columns: true });
    expect(complete.every((r) => r.x_WeekComplete === 'true')).toBe(true);
    expect(renderReport(report, 'csv').fileName).toBe('fleetscope-2025-W31.csv');
  });
});

describe('a total that leaves out what could not be priced', () => {
  const nomem = { ...api, functionId: 'aws_lambda~111111111111~us-east-1~nomem', name: 'nomem' };
  const withUnpriced = buildWeeklyReport(
    {
      ...inputs,
      functions: [...inputs.functions, nomem],
      days: [
        ...inputs.days,
        usage(nomem, '2025-07-30', {
          sources: ['otel_span'],
          invocations: 10,
          billedDurationMs: 10_000,
        }),
      ],
    },
    pricing,
  );
  const note = 'excludes what could not be priced for 1 function, listed under "Not priced"';

  it('says so beside the total in every format', () => {
    expect(renderMarkdown(withUnpriced)).toContain(`**Total: $5,206.79** (${note};`);
    expect(renderHtml(withUnpriced)).toContain(note.replace(/"/g, '&quot;'));
    expect(renderSlackMessage(withUnpriced, { missing: 'no link' }).text).toContain(note);
    expect(renderMarkdown(withUnpriced)).toContain('| nomem |');
    expect(renderMarkdown(withUnpriced)).toMatch(/\| \$0\.0000020 \(priced part only\) \|/);
    expect(renderMarkdown(report)).not.toContain('could not be priced');
  });
});

describe('fs-unpriced-groups: a cost that could not be priced', () => {
  // An OpenFaaS function whose pods' requests are unknown, both weeks (account lab, region dev);
  // a Lambda function whose compute has no memory size.
  const raw: ReportFunction = {
    ...ksvc,
    functionId: 'openfaas~lab~dev~raw',
    name: 'raw',
    platform: 'openfaas',
    account: 'lab',
    region: 'dev',
    pod: null,
  };
  const nomem = { ...api, functionId: 'aws_lambda~111111111111~us-east-1~nomem', name: 'nomem' };
  const nomemDay = usage(nomem, '2025-07-30', { sources: ['otel_span'], invocations: 10 });
  const withUnpriced = buildWeeklyReport(
    {
      ...inputs,
      functions: [...inputs.functions, raw, nomem],
      days: [
        ...inputs.days,
        usage(raw, '2025-07-22', { sources: ['openfaas_gateway'], invocations: 300 }),
        usage(raw, '2025-07-29', { sources: ['openfaas_gateway'], invocations: 600 }),
        nomemDay,
      ],
    },
    pricing,
  );

  it('reads "not priced" for a platform, account, region or function none of whose usage had a price, never $0.00', () => {
    const md = renderMarkdown(withUnpriced);
    for (const what of ['platform openfaas', 'account lab', 'region dev']) {
      expect(md).toContain(`| ${what} | not priced | not priced | 600 |`);
    }
    expect(md).toContain('| raw | openfaas | dev | 600 | not priced | not priced | – |');
    const html = renderHtml(withUnpriced);
    expect(html).toMatch(/>platform openfaas<\/td><td[^>]*>not priced<\/td><td[^>]*>not priced</);
    expect(html).toMatch(/>raw<\/td>(<td[^>]*>[^<]*<\/td>){3}<td[^>]*>not priced<\/td>/);
  });

  it('says "priced part only" beside a group or function part of whose usage had no price', () => {
    const md = renderMarkdown(withUnpriced);
    expect(md).toMatch(
      /\| platform aws\\_lambda \| \$[\d,.]+ \(priced part only\) \| \$[\d,.]+ \|/,
    );
    expect(md).toMatch(/\| account 111111111111 \| \$[\d,.]+ \(priced part only\) \|/);
    expect(md).toMatch(
      /\| nomem \| aws\\_lambda \| us-east-1 \| 10 \| \$0\.0000020 \(priced part only\) \|/,
    );
    expect(renderHtml(withUnpriced)).toMatch(
      />platform aws_lambda<\/td><td[^>]*>\$[\d,.]+ \(priced part only\)</,
    );
    // Fully priced groups keep their plain figure.
    expect(md).toMatch(/\| platform knative \| \$[\d,.]+ \| \$[\d,.]+ \| 2,000 \|/);
  });

  it('says so of a mover in Slack, and keeps the CSV total equal to the report total', () => {
    const alone = buildWeeklyReport(
      { ...inputs, functions: [nomem], days: [nomemDay], recommendations: [] },
      pricing,
    );
    expect(alone.movers.map((m) => m.name)).toEqual(['nomem']);
    const slack = renderSlackMessage(alone, { missing: 'no link' });
    expect(JSON.stringify(slack.blocks)).toContain('(new) (priced part only)');
    expect(renderMarkdown(alone)).toMatch(
      /\| nomem \| \$0\.00 \| \$0\.0000020 \(priced part only\) \|/,
    );

    const rows: Record<string, string>[] = parse(renderFocusCsv(withUnpriced), { columns: true });
    expect(rows.reduce((s, r) => s + Number(r.BilledCost), 0)).toBeCloseTo(
      withUnpriced.totalCostUsd,
      9,
    );
  });
});

describe('FOCUS rows of a function none of whose usage could be priced', () => {
  // raw: an OpenFaaS function whose pods' requests are unknown, on both sides of 2025-08-01 (the
  // known week runs from July into August); web: a Cloud Run service whose memory size is unknown.
  const raw: ReportFunction = {
    ...ksvc,
    functionId: 'openfaas~lab~dev~raw',
    name: 'raw',
    platform: 'openfaas',
    account: 'lab',
    region: 'dev',
    pod: null,
  };
  const web: ReportFunction = {
    ...api,
    functionId: 'gcp_cloud_run~proj1~us-central1~web',
    name: 'web',
    platform: 'gcp_cloud_run',
    account: 'proj1',
    region: 'us-central1',
  };
  const gateway = { sources: ['openfaas_gateway'] };
  const withNothingPriced = buildWeeklyReport(
    {
      ...inputs,
      functions: [...inputs.functions, raw, web],
      days: [
        ...inputs.days,
        usage(raw, '2025-07-29', { ...gateway, invocations: 600 }),
        usage(raw, '2025-08-02', { ...gateway, invocations: 400 }),
        usage(web, '2025-07-30', { sources: ['otel_span'], invocations: 50 }),
      ],
    },
    pricing,
  );
  const rows: Record<string, string>[] = parse(renderFocusCsv(withNothingPriced), {
    columns: true,
  });

  it('has rows for its usage in each month, naming why it was not priced in x_UnpricedUsage', () => {
    expect(withNothingPriced.functions.find((f) => f.name === 'raw')?.priced).toBe('none');
    const own = (id: string) =>
      rows
        .filter((r) => r.x_FunctionId === id)
        .map((r) => [
          r.ChargePeriodStart,
          r.ChargePeriodEnd,
          r.PricingQuantity,
          r.PricingUnit,
          r.ChargeDescription,
          r.x_UnpricedUsage,
        ]);
    expect(own(raw.functionId)).toEqual([
      [
        '2025-07-28T00:00:00Z',
        '2025-08-01T00:00:00Z',
        '600',
        'Requests',
        'OpenFaaS usage not priced (raw)',
        'pod CPU and memory requests unknown: pods not priced',
      ],
      [
        '2025-08-01T00:00:00Z',
        '2025-08-04T00:00:00Z',
        '400',
        'Requests',
        'OpenFaaS usage not priced (raw)',
        'pod CPU and memory requests unknown: pods not priced',
      ],
    ]);
    expect(own(web.functionId)).toEqual([
      [
        '2025-07-28T00:00:00Z',
        '2025-08-01T00:00:00Z',
        '50',
        'Requests',
        'Cloud Run usage not priced (web)',
        'memory size unknown: not priced',
      ],
    ]);
  });

  it('claims no price for it: an Adjustment of 0, with no SKU, unit price or cost category, as FOCUS 1.2 allows', () => {
    const unpriced = rows.filter(
      (r) => r.x_FunctionId === raw.functionId || r.x_FunctionId === web.functionId,
    );
    expect(unpriced).toHaveLength(3);
    expectFocusNullability(rows);
    for (const r of unpriced) {
      expect(r.ChargeCategory).toBe('Adjustment');
      expect([r.BilledCost, r.EffectiveCost, r.ListCost, r.ContractedCost]).toEqual([
        '0',
        '0',
        '0',
        '0',
      ]);
      expect([
        r.ListUnitPrice,
        r.ContractedUnitPrice,
        r.SkuId,
        r.SkuMeter,
        r.SkuPriceId,
        r.PricingCategory,
        r.ConsumedQuantity,
        r.ConsumedUnit,
        r.x_CostCategory,
      ]).toEqual(['', '', '', '', '', '', '', '', '']);
      // The FOCUS values every other row has.
      expect(r.PricingQuantity).toMatch(DECIMAL);
      expect(r.PricingUnit).toBe('Requests');
      expect(r.ChargeClass).toBe('');
      expect(r.ChargeFrequency).toBe('Usage-Based');
      expect(r.ServiceCategory).toBe('Compute');
      expect(r.ChargePeriodStart >= r.BillingPeriodStart).toBe(true);
      expect(r.ChargePeriodEnd <= r.BillingPeriodEnd).toBe(true);
      expect(r.x_WeekComplete).toBe('true');
    }
    // Every priced row is as before, Usage, and says nothing is left out.
    const priced = rows.filter((r) => !unpriced.includes(r));
    expect(priced.every((r) => r.x_UnpricedUsage === '' && r.ChargeCategory === 'Usage')).toBe(
      true,
    );
  });

  it('keeps the CSV adding up to the report total', () => {
    expect(rows.reduce((s, r) => s + Number(r.BilledCost), 0)).toBeCloseTo(
      withNothingPriced.totalCostUsd,
      9,
    );
  });

  it('gives a report stored before its usage per month was recorded one row per month of the week, the split of its invocations unknown', () => {
    const stored = (r: typeof withNothingPriced) => ({
      ...r,
      functions: r.functions.map(({ unpricedUsage: _, ...f }) => f),
    });
    const legacyRows = (r: typeof withNothingPriced) =>
      parse<Record<string, string>>(renderFocusCsv(stored(r)), { columns: true });
    const legacy = legacyRows(withNothingPriced);
    expectFocusNullability(legacy);
    const own = legacy.filter((r) => r.x_FunctionId === raw.functionId);
    // Each row's charge period lies in its billing period (a calendar month), as every row's.
    expect(
      own.map((r) => [
        r.BillingPeriodStart,
        r.ChargePeriodStart,
        r.ChargePeriodEnd,
        r.PricingQuantity,
        r.PricingUnit,
        r.BilledCost,
      ]),
    ).toEqual([
      ['2025-07-01T00:00:00Z', '2025-07-28T00:00:00Z', '2025-08-01T00:00:00Z', '', '', '0'],
      ['2025-08-01T00:00:00Z', '2025-08-01T00:00:00Z', '2025-08-04T00:00:00Z', '', '', '0'],
    ]);
    expect(own.map((r) => r.ChargeDescription)).toEqual([
      'OpenFaaS usage not priced, 1,000 invocations in the week not recorded per month (raw)',
      'OpenFaaS usage not priced, 1,000 invocations in the week not recorded per month (raw)',
    ]);
    // A week inside one month: one row with the week's invocations.
    const july = buildWeeklyReport(
      {
        ...inputs,
        week: '2025-W30',
        generatedAtMs: day('2025-07-28'),
        functions: [raw],
        days: [usage(raw, '2025-07-22', { sources: ['openfaas_gateway'], invocations: 300 })],
      },
      pricing,
    );
    expect(
      legacyRows(july).map((r) => [
        r.ChargePeriodStart,
        r.ChargePeriodEnd,
        r.PricingQuantity,
        r.ChargeDescription,
      ]),
    ).toEqual([
      ['2025-07-21T00:00:00Z', '2025-07-28T00:00:00Z', '300', 'OpenFaaS usage not priced (raw)'],
    ]);
  });
});

describe('text from telemetry (function names, accounts) in every format', () => {
  // faas.name and cloud.account.id are whatever the sender's telemetry says: api is renamed, in
  // both weeks, to a name that tries every format's markup (it stays a top mover).
  const hostileName =
    '<!channel> <http://evil.example|Open the full report> *b* _i_ ~s~ `c` & x\r\n# Injected heading\r[click me](https://phish.example) ![t](http://tracker.example/p.png)';
  // batch's name and account and custom's name start as spreadsheet formulas do.
  const renamed: Record<string, Partial<ReportFunction>> = {
    api: { name: hostileName },
    batch: { name: '=HYPERLINK("https://evil.example","Open")', account: '@SUM(1+1)' },
    custom: { name: '-2+3' },
    warm: { name: '\t+cmd' },
  };
  const hostile = buildWeeklyReport(
    { ...inputs, functions: inputs.functions.map((f) => ({ ...f, ...renamed[f.name] })) },
    pricing,
  );

  it('Slack: escapes & < > as Slack says and neutralises * _ ~ ` in names and explanations', () => {
    const blocks = renderSlackMessage(hostile, { url: 'https://fleetscope.example/r' }).blocks as {
      text: { text: string };
    }[];
    const movers = blocks[2].text.text;
    const line = movers.split('\n').find((l) => l.includes('channel'))!;
    expect(line).toBeDefined();
    // No mention, no link but the report's own, no markup the name brought.
    expect(movers).not.toContain('<!channel>');
    expect(movers).not.toContain('<http://evil.example');
    expect(line).toMatch(
      /^• \*&lt;!channel&gt; &lt;http:\/\/evil\.example\|Open the full report&gt; [^*_~`]+\* [+-]\$/,
    );
    expect(line).toContain('&amp; x # Injected heading');
    expect(blocks[3].text.text).toBe('<https://fleetscope.example/r|Open the full report>');
  });

  it('FOCUS CSV: a name or account read as a formula by a spreadsheet starts with a quote; numbers stay numbers', () => {
    const rows: Record<string, string>[] = parse(renderFocusCsv(hostile), { columns: true });
    const of = (id: string) => rows.filter((r) => r.x_FunctionId === id);
    for (const r of of(batch.functionId)) {
      expect(r.ResourceName).toBe('\'=HYPERLINK("https://evil.example","Open")');
      expect([r.BillingAccountId, r.SubAccountId]).toEqual(["'@SUM(1+1)", "'@SUM(1+1)"]);
    }
    expect(of(custom.functionId)[0].ResourceName).toBe("'-2+3");
    expect(of(warm.functionId)[0].ResourceName).toBe("'\t+cmd");
    const cells = rows.flatMap((r) => Object.values(r));
    expect(cells.filter((c) => /^[=+\-@\t\r]/.test(c))).toEqual([]);
    // Costs, quantities and prices are the same decimals as in the report without the names.
    const plain: Record<string, string>[] = parse(renderFocusCsv(report), { columns: true });
    const numbers = (rs: Record<string, string>[]) =>
      rs.map((r) => [r.BilledCost, r.PricingQuantity, r.ListUnitPrice, r.ConsumedQuantity]);
    expect(numbers(rows)).toEqual(numbers(plain));
    // A negative decimal (a credit) is a number, not a formula: written as it is.
    const line = report.functions[0].lines[0];
    const credit = {
      ...report,
      functions: [{ ...report.functions[0], lines: [{ ...line, usd: -0.5, quantity: -1 }] }],
    };
    const [row] = parse<Record<string, string>>(renderFocusCsv(credit), { columns: true });
    expect([row.BilledCost, row.PricingQuantity]).toEqual(['-0.5', '-1']);
  });

  it('Markdown: escapes the punctuation of names, accounts and ids wherever it writes them, on one line', () => {
    // An OpenFaaS function without pod resources: not priced, its id listed under "Not priced".
    const unpriced: ReportFunction = {
      ...ksvc,
      functionId: 'openfaas~lab~dev~[x](https://phish.example)',
      name: hostileName,
      platform: 'openfaas',
      account: '*lab*',
      region: '<dev>',
      pod: null,
    };
    const md = renderMarkdown(
      buildWeeklyReport(
        {
          ...inputs,
          functions: [...inputs.functions.map((f) => ({ ...f, ...renamed[f.name] })), unpriced],
          days: [...inputs.days, usage(unpriced, '2025-07-29', { invocations: 600 })],
        },
        pricing,
      ),
    );
    const escaped =
      '\\<\\!channel\\> \\<http://evil.example\\|Open the full report\\> \\*b\\* \\_i\\_ \\~s\\~ \\`c\\` & x \\# Injected heading \\[click me\\](https://phish.example) \\!\\[t\\](http://tracker.example/p.png)';
    expect(md).not.toMatch(/\r/);
    expect(md).not.toMatch(/^#+ Injected/m);
    expect(md).not.toMatch(/(?<!\\)\[click me(?<!\\)\]/);
    // The functions table: each row still has its seven cells.
    expect(md).toContain(`\n| ${escaped} | aws\\_lambda | us-east-1 | 2,000,000 |`);
    expect(md).toContain(`\n| ${escaped} | openfaas | \\<dev\\> | 600 | not priced |`);
    expect(md).toContain('| account \\*lab\\* | not priced |');
    expect(md).toContain('| region \\<dev\\> | not priced |');
    // Top movers and the line under "Not priced", outside any table.
    expect(md).toMatch(new RegExp(`\\n\\| ${escaped.replace(/[\\|*[\]()]/g, '\\$&')} \\| \\$`));
    expect(md).toContain(
      // GitHub reads single tildes as strikethrough: ids escape theirs.
      '- Not priced: openfaas\\~lab\\~dev\\~\\[x\\](https://phish.example): pod CPU and memory requests unknown: pods not priced',
    );
  });
});

describe('coverage notes holding telemetry (a region in an assumption) in the text formats', () => {
  // A region no price is sourced for is priced at another's figure, and coverage.assumptions says
  // so naming it: the region is whatever the inventory or the telemetry said.
  const region = 'zz-1 <!here> **Total: $0.00**\n[y](https://e)';
  const report = buildWeeklyReport(
    { ...inputs, functions: inputs.functions.map((f) => (f === api ? { ...f, region } : f)) },
    pricing,
  );
  const assumption = report.coverage.assumptions.find((a) => a.includes('zz-1'));

  it('keeps the region as it is in the JSON', () => {
    expect(assumption).toContain(region);
  });

  it('Markdown: escapes it, on the line of its list item', () => {
    const md = renderMarkdown(report);
    const item = md.split('\n').find((l) => l.startsWith('- ') && l.includes('zz-1'));
    expect(item).toContain('zz-1 \\<\\!here\\> \\*\\*Total: $0.00\\*\\* \\[y\\](https://e)');
    expect(md).not.toMatch(/^\[y\]/m);
  });

  it('plain text: the region adds no line', () => {
    const lines = renderPlainText(report).split('\n');
    const notes = lines.filter((l) => l.startsWith('- ') && l.includes('zz-1'));
    expect(notes.length).toBeGreaterThan(0);
    for (const l of notes)
      expect(l).toContain('zz-1 <!here> **Total: $0.00** [y](https://e): priced');
    expect(lines.filter((l) => /^(\[y\]|\*\*Total)/.test(l))).toEqual([]);
  });

  it('HTML: escaped', () => {
    expect(renderHtml(report)).toContain('zz-1 &lt;!here&gt;');
  });
});

describe('FOCUS rows of a function whose account, region or cluster is not known', () => {
  // Telemetry without cloud.account.id (Lambda), or a Knative service of an unnamed cluster.
  const checkout: ReportFunction = {
    ...api,
    functionId: 'aws_lambda~~us-east-1~checkout',
    name: 'checkout',
    account: '',
  };
  const nowhere: ReportFunction = {
    ...api,
    functionId: 'aws_lambda~123~~nowhere',
    name: 'nowhere',
    account: '123',
    region: '',
  };
  const kn: ReportFunction = { ...ksvc, functionId: 'knative~shop~~ksvc', region: '' };
  const rows: Record<string, string>[] = parse(
    renderFocusCsv(
      buildWeeklyReport(
        {
          ...inputs,
          functions: [checkout, nowhere, kn],
          days: [
            usage(checkout, '2025-07-29', {
              invocations: 1000,
              memoryMb: 128,
              billedDurationMs: 1e5,
            }),
            usage(nowhere, '2025-07-29', {
              invocations: 1000,
              memoryMb: 128,
              billedDurationMs: 1e5,
            }),
            usage(kn, '2025-07-29', { invocations: 1000, podSeconds: 3600 }),
          ],
        },
        pricing,
      ),
    ),
    { columns: true },
  );
  const of = (fn: ReportFunction) => rows.filter((r) => r.x_FunctionId === fn.functionId);

  it('never leaves BillingAccountId empty: the account, else the region, else the function id', () => {
    expect(rows.length).toBeGreaterThan(0);
    for (const r of rows) {
      expect(r.BillingAccountId).not.toBe('');
      expect(r.BillingAccountName).toBe(r.BillingAccountId);
    }
    expect(new Set(of(checkout).map((r) => r.BillingAccountId))).toEqual(new Set(['us-east-1']));
    expect(new Set(of(nowhere).map((r) => r.BillingAccountId))).toEqual(new Set(['123']));
  });

  it('writes an ARN only when the region and the account are known, else the function id', () => {
    expect(new Set(of(checkout).map((r) => r.ResourceId))).toEqual(new Set([checkout.functionId]));
    expect(new Set(of(nowhere).map((r) => r.ResourceId))).toEqual(new Set([nowhere.functionId]));
  });

  it('names a cluster it does not know "unknown", and bills its namespace', () => {
    expect(of(kn).length).toBeGreaterThan(0);
    for (const r of of(kn)) {
      expect([r.ProviderName, r.InvoiceIssuerName, r.BillingAccountId]).toEqual([
        'Kubernetes cluster unknown',
        'Kubernetes cluster unknown',
        'shop',
      ]);
    }
  });
});

describe(coldStartTexts.name, () => {
  it('rounds the waiting time half up, so a total of 4.85 s reads as its rows of 0.3, 1.75 and 2.8 add up', () => {
    const wait = (waitingSeconds: number) =>
      coldStartTexts({ count: 3, coldStartsWithInit: 3, waitingSeconds, costUsd: 0 }).wait;
    expect([wait(4.85), wait(1.75), wait(0.3), wait(2.8)]).toEqual([
      '4.9 s',
      '1.8 s',
      '0.3 s',
      '2.8 s',
    ]);
  });
});

describe('cost basis', () => {
  it('says in every rendering that the figures are list-price estimates, not the bill', () => {
    expect(renderMarkdown(report)).toContain(`\n\n${COST_BASIS}\n\n`);
    expect(renderPlainText(report)).toContain(`\n\n${COST_BASIS}\n\n`);
    expect(renderHtml(report)).toContain(escapeHtml(COST_BASIS));
    const slack = renderSlackMessage(report, { url: 'https://fleetscope.example/r' });
    expect(slack.text).toContain(COST_BASIS);
  });

  it('marks every FOCUS row, priced or not, as a list-price estimate in x_CostBasis', () => {
    const rows: Record<string, string>[] = parse(renderFocusCsv(report), { columns: true });
    expect(rows.map((r) => r.x_CostBasis)).toEqual(rows.map(() => FOCUS_COST_BASIS));
    expect(FOCUS_COST_BASIS).toBe('list-price-estimate');
    // Appended: the columns before it keep their places.
    expect(FOCUS_COLUMNS.at(-1)).toBe('x_CostBasis');
  });
});

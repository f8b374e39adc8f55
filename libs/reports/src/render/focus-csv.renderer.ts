import { stringify } from 'csv-stringify/sync';
import {
  functionPriced,
  type ChargeLine,
  type ReportFunctionCost,
  type UnpricedUsageLine,
  type WeeklyReport,
} from '../build/weekly-report';
import { monthStartMs, nextMonthStartMs } from '../week/iso-week';

/**
 * FOCUS 1.2 columns (FinOps-Open-Cost-and-Usage-Spec/FOCUS_Spec v1.2, specification/columns):
 * every Mandatory column, the Conditional ones this data can fill, and Fleetscope's own columns
 * prefixed x_ as the spec requires of custom columns. FOCUS has no column for a cost known to be
 * incomplete (ChargeClass only marks corrections of an invoiced period) nor for a period still
 * running: x_UnpricedUsage and x_WeekComplete say so. Nor for a cost that is not the invoice's:
 * every cost here is an estimate at the catalogue's list prices (BilledCost too, with no free
 * tier, discount, credit or tax deducted), which x_CostBasis says on each row.
 */
export const FOCUS_MANDATORY_COLUMNS = [
  'BilledCost',
  'BillingAccountId',
  'BillingAccountName',
  'BillingCurrency',
  'BillingPeriodEnd',
  'BillingPeriodStart',
  'ChargeCategory',
  'ChargeClass',
  'ChargeDescription',
  'ChargePeriodEnd',
  'ChargePeriodStart',
  'ContractedCost',
  'EffectiveCost',
  'InvoiceIssuerName',
  'ListCost',
  'PricingQuantity',
  'PricingUnit',
  'ProviderName',
  'PublisherName',
  'ServiceCategory',
  'ServiceName',
] as const;

export const FOCUS_COLUMNS = [
  ...FOCUS_MANDATORY_COLUMNS,
  'ChargeFrequency',
  'ConsumedQuantity',
  'ConsumedUnit',
  'ContractedUnitPrice',
  'ListUnitPrice',
  'PricingCategory',
  'RegionId',
  'RegionName',
  'ResourceId',
  'ResourceName',
  'ResourceType',
  'ServiceSubcategory',
  'SkuId',
  'SkuMeter',
  'SkuPriceId',
  'SubAccountId',
  'SubAccountName',
  'SubAccountType',
  'x_FunctionId',
  'x_Platform',
  'x_Architecture',
  'x_CostCategory',
  'x_CatalogueVersion',
  'x_Week',
  'x_Demo',
  'x_UnpricedUsage',
  'x_WeekComplete',
  'x_CostBasis',
] as const;

/** x_CostBasis of every row: the catalogue's list prices, nothing deducted (report-text COST_BASIS). */
export const FOCUS_COST_BASIS = 'list-price-estimate';

type FocusRow = Record<(typeof FOCUS_COLUMNS)[number], string | number | null>;

/** FOCUS units follow its UnitFormat: plural, with the time unit after a hyphen. */
const UNITS: Record<string, string> = {
  request: 'Requests',
  'GB-second': 'GB-Seconds',
  GB: 'GB',
  'vCPU-hour': 'vCPU-Hours',
  'GB-hour': 'GB-Hours',
  'vCPU-second': 'vCPU-Seconds',
  'GiB-second': 'GiB-Seconds',
  'GiB-hour': 'GiB-Hours',
};

const DESCRIPTIONS: Record<ChargeLine['category'], string> = {
  requests: 'Requests',
  compute: 'Duration',
  provisionedConcurrency: 'Provisioned concurrency allocated',
  init: 'Billed INIT duration of cold starts',
  ephemeralStorage: 'Ephemeral storage above 512 MB',
  snapStart: 'SnapStart restore and cache',
  pods: 'Pod CPU and memory at the node price',
};

/** FOCUS date-times: ISO 8601 in UTC with a Z. */
function focusDate(iso: string): string {
  return iso.replace(/\.\d{3}Z$/, 'Z');
}

function billingPeriod(periodStart: string): { start: string; end: string } {
  const ms = Date.parse(periodStart);
  return {
    start: focusDate(new Date(monthStartMs(ms)).toISOString()),
    end: focusDate(new Date(nextMonthStartMs(ms)).toISOString()),
  };
}

/** The clouds priced from their aggregate sums (Cloud Run, Cloud Functions, Azure Functions). */
const CLOUD_SERVICES: Record<
  string,
  { service: string; provider: string; issuer: string; subAccountType: string } | undefined
> = {
  gcp_cloud_run: {
    service: 'Cloud Run',
    provider: 'Google Cloud',
    issuer: 'Google',
    subAccountType: 'Project',
  },
  gcp_cloud_functions: {
    service: 'Cloud Run functions',
    provider: 'Google Cloud',
    issuer: 'Google',
    subAccountType: 'Project',
  },
  azure_functions: {
    service: 'Azure Functions',
    provider: 'Microsoft',
    issuer: 'Microsoft',
    subAccountType: 'Subscription',
  },
};

/**
 * What one row charges: a priced meter (Usage), or the usage of a function none of whose usage had
 * a price (an Adjustment: its meters, SKU prices and unit prices are unknown, so those cells stay
 * empty).
 */
interface Charge {
  chargeCategory: 'Usage' | 'Adjustment';
  category: ChargeLine['category'] | null;
  description: string;
  meter: string | null;
  priceId: string | null;
  tier?: number;
  unit: string;
  /** null: not known (the week's unpriced invocations of a report stored before per month). */
  quantity: number | null;
  usdPerUnit: number | null;
  usd: number;
  architecture: string | undefined;
  periodStart: string;
  periodEnd: string;
}

function pricedCharge(line: ChargeLine): Charge {
  return {
    ...line,
    chargeCategory: 'Usage',
    description: DESCRIPTIONS[line.category],
    architecture: line.architecture,
  };
}

/** A function's unpriced invocations in one calendar month; null: not known. */
type UnpricedUsage = Omit<UnpricedUsageLine, 'invocations'> & { invocations: number | null };

/**
 * The usage of a function of which nothing was priced, per calendar month: its invocations, at a
 * cost of 0 (FOCUS costs are decimals, never null; the report total leaves it out the same way)
 * that x_UnpricedUsage marks as not priced. Without such rows the function would be missing from
 * the file altogether. A function priced in part names what it leaves out on its priced rows.
 *
 * Not a Usage row: FOCUS 1.2 wants SkuId, SkuPriceId, ListUnitPrice, ContractedUnitPrice and
 * PricingCategory on every Usage row that is not a correction (specification/columns/skuid.md and
 * the others), and this usage has none; a unit price of 0 would say it was free. An Adjustment
 * ("charges ... that do not fall into other category values", chargecategory.md) may leave them
 * null, and must leave ConsumedQuantity null: its invocations are the PricingQuantity, in Requests.
 */
function unpricedCharges(report: WeeklyReport, fn: ReportFunctionCost): Charge[] {
  if (functionPriced(fn) !== 'none') return [];
  const usage: UnpricedUsage[] = fn.unpricedUsage ?? storedUnpricedUsage(report, fn);
  return usage.map((u) => ({
    chargeCategory: 'Adjustment',
    category: null,
    description:
      u.invocations === null
        ? `usage not priced, ${fn.invocations.toLocaleString('en-US')} invocations in the week not recorded per month`
        : 'usage not priced',
    meter: null,
    priceId: null,
    unit: 'request',
    quantity: u.invocations,
    usdPerUnit: null,
    usd: 0,
    architecture: undefined,
    periodStart: u.periodStart,
    periodEnd: u.periodEnd,
  }));
}

/**
 * Reports stored before unpricedUsage was recorded: the week up to `through`, per calendar month
 * (a charge period lies in its billing period, as the builder's lines do). A week across two
 * months does not say how its invocations split: each part's is then null (FOCUS allows a null
 * quantity outside Usage) and its description gives the week's.
 */
function storedUnpricedUsage(report: WeeklyReport, fn: ReportFunctionCost): UnpricedUsage[] {
  const parts: Omit<UnpricedUsage, 'invocations'>[] = [];
  const endMs = Date.parse(report.through);
  let startMs = Date.parse(report.from);
  do {
    const partEndMs = Math.max(startMs, Math.min(endMs, nextMonthStartMs(startMs)));
    parts.push({
      periodStart: new Date(startMs).toISOString(),
      periodEnd: new Date(partEndMs).toISOString(),
    });
    startMs = partEndMs;
  } while (startMs < endMs);
  const invocations = parts.length === 1 ? fn.invocations : null;
  return parts.map((p) => ({ ...p, invocations }));
}

/**
 * A FOCUS SKU price has one unit price (ListUnitPrice is looked up by SkuPriceId): a catalogue
 * price with volume tiers is one SKU price per tier, the first keeping the catalogue's id.
 */
function skuPriceId(charge: Charge): string | null {
  if (charge.priceId === null) return null;
  return charge.tier !== undefined && charge.tier > 1
    ? `${charge.priceId}#tier${charge.tier}`
    : charge.priceId;
}

/** Who sells a function's compute, as FOCUS names the parties, its accounts and its region. */
interface Seller {
  service: string;
  provider: string;
  publisher: string;
  issuer: string;
  billingAccount: string;
  subAccountType: string | null;
  region: string | null;
}

/**
 * FOCUS BillingAccountId is never null: the account the platform bills (the cloud account, the
 * Kubernetes cluster) when the telemetry named it, else what the function id does name.
 */
function billingAccountOf(fn: ReportFunctionCost, billed: string): string {
  return billed || fn.account || fn.region || fn.functionId;
}

function sellerOf(fn: ReportFunctionCost): Seller {
  const cloud = CLOUD_SERVICES[fn.platform];
  const region = fn.region || null;
  if (cloud) {
    const { service, provider, issuer, subAccountType } = cloud;
    return {
      service,
      provider,
      publisher: provider,
      issuer,
      billingAccount: billingAccountOf(fn, fn.account),
      subAccountType,
      region,
    };
  }
  switch (fn.platform) {
    case 'aws_lambda':
      return {
        service: 'AWS Lambda',
        provider: 'AWS',
        publisher: 'AWS',
        issuer: 'Amazon Web Services',
        billingAccount: billingAccountOf(fn, fn.account),
        subAccountType: 'AWS Account',
        region,
      };
    case 'knative':
    case 'openfaas': {
      // A Kubernetes cluster (the id's region) bills its own pods; the account is the namespace.
      const cluster = `Kubernetes cluster ${fn.region || 'unknown'}`;
      const service = fn.platform === 'knative' ? 'Knative' : 'OpenFaaS';
      return {
        service,
        provider: cluster,
        publisher: service,
        issuer: cluster,
        billingAccount: billingAccountOf(fn, fn.region),
        subAccountType: 'Namespace',
        region: null,
      };
    }
    default:
      // A platform Fleetscope has no prices for: only what the id says, no party guessed.
      return {
        service: `Serverless functions (${fn.platform})`,
        provider: 'Unknown',
        publisher: 'Unknown',
        issuer: 'Unknown',
        billingAccount: billingAccountOf(fn, ''),
        subAccountType: null,
        region,
      };
  }
}

/** A Lambda function's ARN when its region and account are known; else its Fleetscope id. */
function resourceIdOf(fn: ReportFunctionCost): string {
  return fn.platform === 'aws_lambda' && fn.region && fn.account
    ? `arn:aws:lambda:${fn.region}:${fn.account}:function:${fn.name}`
    : fn.functionId;
}

function row(report: WeeklyReport, fn: ReportFunctionCost, charge: Charge): FocusRow {
  const period = billingPeriod(charge.periodStart);
  const seller = sellerOf(fn);
  const unit = UNITS[charge.unit] ?? charge.unit;
  const usage = charge.chargeCategory === 'Usage';
  return {
    // List prices of the catalogue, no discounts or commitments known: all four costs agree, and
    // BilledCost is an estimate of the bill, not the invoice's figure (x_CostBasis).
    BilledCost: charge.usd,
    EffectiveCost: charge.usd,
    ListCost: charge.usd,
    ContractedCost: charge.usd,
    BillingAccountId: seller.billingAccount,
    BillingAccountName: seller.billingAccount,
    BillingCurrency: report.currency,
    BillingPeriodStart: period.start,
    BillingPeriodEnd: period.end,
    ChargeCategory: charge.chargeCategory,
    ChargeClass: null,
    ChargeDescription: `${seller.service} ${charge.description} (${fn.name})`,
    ChargePeriodStart: focusDate(charge.periodStart),
    ChargePeriodEnd: focusDate(charge.periodEnd),
    InvoiceIssuerName: seller.issuer,
    PricingQuantity: charge.quantity,
    PricingUnit: charge.quantity === null ? null : unit,
    ProviderName: seller.provider,
    PublisherName: seller.publisher,
    ServiceCategory: 'Compute',
    ServiceName: seller.service,
    ChargeFrequency: 'Usage-Based',
    ConsumedQuantity: usage ? charge.quantity : null,
    ConsumedUnit: usage ? unit : null,
    ContractedUnitPrice: charge.usdPerUnit,
    ListUnitPrice: charge.usdPerUnit,
    PricingCategory: usage ? 'Standard' : null,
    RegionId: seller.region,
    RegionName: seller.region,
    ResourceId: resourceIdOf(fn),
    ResourceName: fn.name,
    ResourceType: 'Function',
    ServiceSubcategory: 'Serverless Compute',
    SkuId: charge.meter,
    // The catalogue's meter names what is charged; FOCUS 1.2 wants it wherever SkuId is set.
    SkuMeter: charge.meter,
    SkuPriceId: skuPriceId(charge),
    SubAccountId: fn.account || null,
    SubAccountName: fn.account || null,
    SubAccountType: fn.account ? seller.subAccountType : null,
    x_FunctionId: fn.functionId,
    x_Platform: fn.platform,
    x_Architecture: (charge.architecture ?? fn.architecture) || null,
    x_CostCategory: charge.category,
    x_CatalogueVersion: report.catalogueVersion,
    x_Week: report.week,
    // Issue 12: a row of the demo fleet says so wherever the file ends up.
    x_Demo: report.demo === true ? 'true' : 'false',
    // Usage of this function that had no price and is in no row's cost (the report's "Not
    // priced"): its rows are not all it cost.
    x_UnpricedUsage: fn.unpriced.length > 0 ? fn.unpriced.join('; ') : null,
    // A week built before it ended: every row is a charge so far (ChargePeriodEnd is then).
    x_WeekComplete: report.complete === false ? 'false' : 'true',
    x_CostBasis: FOCUS_COST_BASIS,
  };
}

/**
 * One FOCUS row per function, meter, price and calendar month of the week, and for a function
 * none of whose usage had a price, one per calendar month of its usage.
 */
export function renderFocusCsv(report: WeeklyReport): string {
  const rows = report.functions.flatMap((fn) =>
    [...fn.lines.map(pricedCharge), ...unpricedCharges(report, fn)].map((charge) =>
      row(report, fn, charge),
    ),
  );
  return stringify(rows, {
    header: true,
    columns: [...FOCUS_COLUMNS],
    // Names and accounts come from telemetry (faas.name, cloud.account.id): a text cell a
    // spreadsheet would run as a formula (= + - @ tab CR first) starts with a quote. Number cells
    // are left as they are, a negative decimal included.
    escape_formulas: true,
    // Nulls are empty cells; numbers go through toDecimal(), the one place this file writes one.
    cast: {
      number: (value) => (Number.isFinite(value) ? toDecimal(value) : ''),
    },
  });
}

/** Significant digits a FOCUS decimal keeps: a double holds 15 exactly, the 16th and 17th are noise. */
const DECIMAL_DIGITS = 15;

/**
 * A FOCUS decimal: the value to 15 significant digits, in full without exponent notation
 * (1e-7 → 0.0000001). The binary noise of sums and quotients (0.15000000000000002,
 * 0.000013333399999999998) goes; nothing of the value beyond its 15th digit changes.
 */
export function toDecimal(value: number): string {
  // The shortest text that reads back as the value rounded to 15 digits: '0.15', '1.33334e-5'.
  const text = String(Number(value.toPrecision(DECIMAL_DIGITS)));
  const exponent = /^(-?)(\d)(?:\.(\d+))?e([+-]\d+)$/.exec(text);
  if (!exponent) return text;
  const [, sign, first, rest = '', power] = exponent;
  const digits = first + rest;
  const point = 1 + Number(power);
  if (point <= 0) return `${sign}0.${'0'.repeat(-point)}${digits}`;
  if (point >= digits.length) return `${sign}${digits}${'0'.repeat(point - digits.length)}`;
  return `${sign}${digits.slice(0, point)}.${digits.slice(point)}`;
}

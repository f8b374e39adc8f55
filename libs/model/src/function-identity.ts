/** The platforms Fleetscope knows. Values follow OpenTelemetry's `cloud.platform` where one exists. */
export const PLATFORMS = [
  'aws_lambda',
  'knative',
  'openfaas',
  'gcp_cloud_functions',
  'gcp_cloud_run',
  // `cloud.platform` says `azure.functions` (or the deprecated `azure_functions`); ids keep no dots.
  'azure_functions',
  'other',
] as const;
export type Platform = (typeof PLATFORMS)[number];

/**
 * A function is (platform, account or namespace, region, name) — docs/decisions.md "Identity". Its version,
 * alias or revision is not part of the identity and travels in its own column.
 */
export interface FunctionIdentity {
  platform: Platform;
  /** AWS account id, Kubernetes namespace, GCP project, Azure subscription, or '' when unknown. */
  account: string;
  /** Cloud region, cluster name, or '' when unknown (an imported Azure trace: the app). */
  region: string;
  name: string;
}

const SEPARATOR = '~';

/**
 * The longest function id Fleetscope stores and serves. The longest real ones are far shorter (a
 * 64-character Lambda name in ap-southeast-2 makes 103; Kubernetes names are at most 63 each):
 * rows naming a longer one are refused at ingest, and the API answers 400 for it.
 */
export const MAX_FUNCTION_ID_LENGTH = 512;

/**
 * The namespace OpenFaaS deploys functions to unless told otherwise (faas-netes `openfaas-fn`):
 * an OpenFaaS function whose telemetry names no namespace is there, in every source.
 */
export const OPENFAAS_DEFAULT_NAMESPACE = 'openfaas-fn';

function encodePart(part: string): string {
  // '~' is the separator; encodeURIComponent leaves it alone, so escape it by hand.
  return encodeURIComponent(part).replace(/~/g, '%7E');
}

/** A stable, URL-safe id: `aws_lambda~123456789012~eu-west-1~checkout`. */
export function functionId(identity: FunctionIdentity): string {
  return [identity.platform, identity.account, identity.region, identity.name]
    .map(encodePart)
    .join(SEPARATOR);
}

/**
 * What every id with these leading parts starts with (`aws_lambda~123456789012~us-east-1~`), for
 * reads of one platform, account or region by prefix.
 */
export function functionIdPrefix(
  parts: Pick<FunctionIdentity, 'platform'> & Partial<Pick<FunctionIdentity, 'account' | 'region'>>,
): string {
  const leading: string[] = [];
  for (const part of [parts.platform, parts.account, parts.region]) {
    if (part === undefined) break;
    leading.push(encodePart(part));
  }
  return `${leading.join(SEPARATOR)}${SEPARATOR}`;
}

function decodePart(part: string): string | undefined {
  // Most parts have nothing encoded (the fleet page parses 10,000 ids).
  if (!part.includes('%')) return part;
  try {
    return decodeURIComponent(part);
  } catch {
    return undefined;
  }
}

export function parseFunctionId(id: string): FunctionIdentity | undefined {
  // Exactly three separators, found by indexOf rather than split: no arrays for 10,000 ids.
  const a = id.indexOf(SEPARATOR);
  const b = a < 0 ? -1 : id.indexOf(SEPARATOR, a + 1);
  const c = b < 0 ? -1 : id.indexOf(SEPARATOR, b + 1);
  if (c < 0 || id.includes(SEPARATOR, c + 1)) return undefined;
  const platform = decodePart(id.slice(0, a));
  const account = decodePart(id.slice(a + 1, b));
  const region = decodePart(id.slice(b + 1, c));
  const name = decodePart(id.slice(c + 1));
  if (platform === undefined || account === undefined || region === undefined || !name) {
    return undefined;
  }
  if (!(PLATFORMS as readonly string[]).includes(platform)) return undefined;
  return { platform: platform as Platform, account, region, name };
}

export interface LambdaArn {
  partition: string;
  region: string;
  account: string;
  name: string;
  /** Version number, alias, or undefined for an unqualified ARN. */
  qualifier?: string;
}

/** Parses `arn:aws:lambda:region:account:function:name[:qualifier]`. */
export function parseLambdaArn(arn: string): LambdaArn | undefined {
  const parts = arn.split(':');
  if (parts.length < 7 || parts[0] !== 'arn' || parts[2] !== 'lambda' || parts[5] !== 'function') {
    return undefined;
  }
  const [, partition, , region, account, , name, qualifier] = parts;
  if (!name) return undefined;
  return { partition, region, account, name, qualifier: qualifier || undefined };
}

/** `/aws/lambda/<name>` → `<name>`; undefined for other log groups. */
export function lambdaNameFromLogGroup(logGroup: string): string | undefined {
  const prefix = '/aws/lambda/';
  if (!logGroup.startsWith(prefix)) return undefined;
  const name = logGroup.slice(prefix.length);
  return name.length > 0 ? name : undefined;
}

/**
 * The inventory's label for Lambda SnapStart: its `ApplyOn` ('PublishedVersions') when it is on;
 * absent when off. The analyses read it (SnapStart versions cannot have provisioned concurrency).
 */
export const SNAP_START_LABEL = 'aws.lambda.snap_start';

/** An AWS region name: eu-west-1, us-gov-west-1, cn-north-1. */
export const AWS_REGION_PATTERN = /^[a-z]{2}(-[a-z]+)+-\d+$/;
/** An AWS account id: 12 digits. */
export const AWS_ACCOUNT_PATTERN = /^\d{12}$/;

/**
 * Why `region` cannot be a Lambda function's region, or undefined when it can. `what` names where
 * it came from (`region`, the ARN, cloud.region) for the message. Without a region a function got
 * an id of its own (`aws_lambda~ACCOUNT~~NAME`), split from the same function's other telemetry,
 * and was priced at us-east-1's prices.
 */
export function regionProblem(region: string, what: string): string | undefined {
  if (!region) return `${what}: required (the function's AWS region, e.g. eu-west-1)`;
  if (!AWS_REGION_PATTERN.test(region))
    return `${what} "${region}" is not an AWS region, e.g. eu-west-1`;
  return undefined;
}

/** Why `account` cannot be an AWS account id, or undefined when it can (see regionProblem). */
export function accountProblem(account: string, what: string): string | undefined {
  if (!account) return `${what}: required (the function's 12-digit AWS account id)`;
  if (!AWS_ACCOUNT_PATTERN.test(account))
    return `${what} "${account}" is not an AWS account id (12 digits)`;
  return undefined;
}

/** Why a Lambda function cannot be filed under this account and region; undefined when it can. */
export function lambdaIdentityProblem(
  account: string,
  region: string,
  names = { account: 'account', region: 'region' },
): string | undefined {
  return accountProblem(account, names.account) ?? regionProblem(region, names.region);
}

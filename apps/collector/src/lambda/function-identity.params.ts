import {
  accountProblem,
  parseLambdaArn,
  regionProblem,
  type FunctionIdentity,
} from '@fleetscope/model';

export interface LambdaTarget {
  identity: FunctionIdentity;
  version: string;
  instance: string;
}

type Source = Record<string, string | string[] | undefined>;

function first(source: Source, ...names: string[]): string {
  for (const name of names) {
    const v = source[name];
    const value = Array.isArray(v) ? v[0] : v;
    if (value && value.trim() !== '') return value.trim();
  }
  return '';
}

/**
 * The function a Telemetry API batch or raw log lines belong to, from the query string or headers
 * (documented in examples/lambda-extension/PROTOCOL.md): an ARN (`function-arn` / `X-Fleetscope-Function-Arn`)
 * or the name with region and account. Returns an error message naming what is missing or wrong:
 * the region must be an AWS region and the account 12 digits, whichever way they are given, or
 * one function would be stored under two ids (one without a region) and priced at another
 * region's prices.
 */
export function lambdaTargetFrom(query: Source, headers: Source): LambdaTarget | { error: string } {
  const arn = first(query, 'function-arn', 'arn') || first(headers, 'x-fleetscope-function-arn');
  const version = first(query, 'version') || first(headers, 'x-fleetscope-function-version');
  const instance = first(query, 'instance') || first(headers, 'x-fleetscope-instance');
  if (arn) {
    const parsed = parseLambdaArn(arn);
    if (!parsed) return { error: `function-arn "${arn}" is not a Lambda function ARN` };
    const wrong =
      regionProblem(parsed.region, `the region of function-arn "${arn}"`) ??
      accountProblem(parsed.account, `the account of function-arn "${arn}"`);
    if (wrong) return { error: wrong };
    const qualifier = parsed.qualifier && /^\d+$/.test(parsed.qualifier) ? parsed.qualifier : '';
    return {
      identity: {
        platform: 'aws_lambda',
        account: parsed.account,
        region: parsed.region,
        name: parsed.name,
      },
      version: version || qualifier,
      instance,
    };
  }
  const name =
    first(query, 'function', 'function-name') || first(headers, 'x-fleetscope-function-name');
  if (!name) {
    return {
      error:
        'the function is not named: pass ?function-arn=arn:aws:lambda:REGION:ACCOUNT:function:NAME, or ?function=NAME&region=REGION&account=ACCOUNT (or the X-Fleetscope-Function-* headers)',
    };
  }
  const account = first(query, 'account') || first(headers, 'x-fleetscope-account');
  const region = first(query, 'region') || first(headers, 'x-fleetscope-region');
  const wrong = regionProblem(region, 'region') ?? accountProblem(account, 'account');
  if (wrong) {
    return {
      error: `${wrong}: a function named by ?function=${name} needs ?region=REGION&account=ACCOUNT (or the X-Fleetscope-Region and X-Fleetscope-Account headers), or give ?function-arn=arn:aws:lambda:REGION:ACCOUNT:function:NAME`,
    };
  }
  return {
    identity: { platform: 'aws_lambda', account, region, name },
    version,
    instance,
  };
}

import { lambdaIdentityProblem, parseFunctionId } from '@fleetscope/model';

/** The account of a Lambda function known by region and name, or why there is none. */
export type LambdaAccountAnswer =
  { account: string } | { account?: undefined; accounts: readonly string[] };

/**
 * What the resolver asks about Lambda telemetry that names no account: a Lambda layer's resource
 * often carries none (the JS AwsLambdaDetector sets cloud.account.id only from a symlink newer
 * layers create), and its metric points and log records have only the resource.
 */
export interface LambdaAccountLookup {
  /** A function with an account was seen. */
  learn(account: string, region: string, name: string): void;
  /** The one account known for `region` and `name`, else the accounts known (none, or several). */
  accountOf(region: string, name: string): LambdaAccountAnswer;
}

/** Most region+name pairs kept: a fleet has thousands; a hostile sender must not grow it forever. */
const MAX_FUNCTIONS = 500_000;
/** Accounts kept for one region+name: two make it ambiguous; a few are named in the refusal. */
const MAX_ACCOUNTS = 4;
/** A Lambda function name is at most 64 characters (170 as a partial ARN). */
const MAX_NAME_LENGTH = 170;

/**
 * The accounts of the Lambda functions the collector knows, by region and name: fed by the
 * telemetry that names an account (spans, ARNs), the platform records and the inventory
 * (function_configs). A map lookup per resource, no I/O.
 */
export class LambdaAccounts implements LambdaAccountLookup {
  private readonly byFunction = new Map<string, string | string[]>();

  get size(): number {
    return this.byFunction.size;
  }

  learn(account: string, region: string, name: string): void {
    // Only what can be a Lambda function: a sender must not grow the map with long names, nor a
    // name's list with made-up accounts (lambdaIdentityProblem refuses those items anyway).
    if (name === '' || name.length > MAX_NAME_LENGTH) return;
    if (lambdaIdentityProblem(account, region) !== undefined) return;
    const key = `${region}\u0000${name}`;
    const known = this.byFunction.get(key);
    if (known === undefined) {
      if (this.byFunction.size < MAX_FUNCTIONS) this.byFunction.set(key, account);
    } else if (typeof known === 'string') {
      if (known !== account) this.byFunction.set(key, [known, account]);
    } else if (known.length < MAX_ACCOUNTS && !known.includes(account)) {
      // Two accounts already make the name ambiguous: a few are kept to name in the refusal.
      known.push(account);
    }
  }

  /** Learns a stored function id (`aws_lambda~account~region~name`); other platforms are ignored. */
  learnFunctionId(id: string): void {
    if (!id.startsWith('aws_lambda~')) return;
    const identity = parseFunctionId(id);
    if (identity !== undefined) this.learn(identity.account, identity.region, identity.name);
  }

  accountOf(region: string, name: string): LambdaAccountAnswer {
    const known = this.byFunction.get(`${region}\u0000${name}`);
    if (typeof known === 'string') return { account: known };
    return { accounts: known ?? [] };
  }
}

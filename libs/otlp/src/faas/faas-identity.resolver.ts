import type { FunctionIdentity, Platform } from '@fleetscope/model';
import {
  functionId,
  lambdaIdentityProblem,
  OPENFAAS_DEFAULT_NAMESPACE,
  parseLambdaArn,
} from '@fleetscope/model';
import type { LambdaAccountLookup } from './lambda-accounts';

/** Attribute lookup: span (or data point) attributes first, then the resource's. */
export type AttributeLookup = (key: string) => string | undefined;

export function layeredLookup(...maps: (Record<string, string> | undefined)[]): AttributeLookup {
  return (key) => {
    for (const m of maps) {
      const v = m?.[key];
      if (v !== undefined && v !== '') return v;
    }
    return undefined;
  };
}

export interface ResolvedFunction extends FunctionIdentity {
  functionId: string;
  /** Version, or Knative revision; '' when unknown. '$LATEST' is kept. */
  version: string;
  /**
   * Set when the function cannot be named for want of an account (a Lambda resource without
   * cloud.account.id that no known function completes, missingAccountMessage()): its items are
   * refused as `missing_identity` with this message, not stored under an empty account.
   */
  missingIdentity?: string;
}

/**
 * `cloud.platform` values that mean a function platform (semantic-conventions
 * model/cloud/registry.yaml; `azure_functions` is the deprecated spelling of `azure.functions`).
 * Knative and OpenFaaS have no registered value; the two here are accepted if a sender uses them.
 */
const FAAS_CLOUD_PLATFORMS = new Set([
  'aws_lambda',
  'gcp_cloud_functions',
  'gcp_cloud_run',
  'azure.functions',
  'azure_functions',
  'alibaba_cloud_fc',
  'tencent_cloud_scf',
  'knative',
  'openfaas',
]);

/** Keys whose presence means "this telemetry is about a function". */
const FAAS_MARKERS = [
  'faas.name',
  'faas.invocation_id',
  'faas.execution', // legacy name of faas.invocation_id
  'faas.id', // legacy name of the function ARN
  'faas.trigger',
  'faas.coldstart',
  'faas.version',
  'faas.instance',
  'faas.max_memory',
  'aws.lambda.invoked_arn',
  'kn.service.name',
  'kn.revision.name',
];

export function hasFaasSemantics(get: AttributeLookup): boolean {
  const platform = get('cloud.platform');
  if (platform !== undefined && FAAS_CLOUD_PLATFORMS.has(platform)) return true;
  for (const key of FAAS_MARKERS) if (get(key) !== undefined) return true;
  return false;
}

function isVersionQualifier(q: string | undefined): q is string {
  if (q === undefined) return false;
  if (q === '$LATEST') return true;
  for (let i = 0; i < q.length; i++) {
    const c = q.charCodeAt(i);
    if (c < 48 || c > 57) return false;
  }
  return q.length > 0;
}

function resolved(identity: FunctionIdentity, version: string): ResolvedFunction {
  return { ...identity, version, functionId: functionId(identity) };
}

function resolveLambda(
  get: AttributeLookup,
  accounts: LambdaAccountLookup | undefined,
): ResolvedFunction | undefined {
  // cloud.resource_id should carry the version (semconv aws-lambda.md), but
  // instrumentation-aws-lambda puts the invoked ARN there, alias included; aws.lambda.invoked_arn
  // and the legacy faas.id are ARNs as well. Identity comes from the first ARN that parses; the
  // version from the first numeric qualifier, since an alias is not a version.
  const arns = [get('cloud.resource_id'), get('aws.lambda.invoked_arn'), get('faas.id')]
    .filter((a): a is string => a !== undefined)
    .map((a) => parseLambdaArn(a))
    .filter((a) => a !== undefined);
  const arn = arns[0];
  const name = arn?.name ?? get('faas.name');
  if (name === undefined) return undefined;
  const qualifier = arns.map((a) => a.qualifier).find(isVersionQualifier);
  const version = qualifier ?? get('faas.version') ?? '';
  const region = arn?.region || get('cloud.region') || '';
  const account = arn?.account || get('cloud.account.id');
  if (account !== undefined) {
    const fn = resolved({ platform: 'aws_lambda', account, region, name }, version);
    // A Lambda id without a region, or with what no AWS region or account is, is another
    // function than the one its REPORT lines and other spans name (the platform routes refuse
    // them too): refused, and not learnt for the telemetry that names no account.
    const problem = lambdaIdentityProblem(account, region, {
      account: 'cloud.account.id',
      region: 'cloud.region',
    });
    if (problem) fn.missingIdentity = `Lambda function "${name}": ${problem}`;
    else accounts?.learn(account, region, name);
    return fn;
  }
  return lambdaWithoutAccount(region, name, version, accounts);
}

/**
 * A Lambda function its telemetry names by region and name only, as a Lambda layer's resource
 * does (spans carry the account, metric points and log records do not): the one function known
 * with that region and name; else marked missingIdentity, not filed as a second function of
 * account '' (which listed it twice and billed its duration twice).
 */
export function lambdaWithoutAccount(
  region: string,
  name: string,
  version: string,
  accounts: LambdaAccountLookup | undefined,
): ResolvedFunction {
  const known = accounts?.accountOf(region, name) ?? { accounts: [] };
  const identity: FunctionIdentity = {
    platform: 'aws_lambda',
    account: known.account ?? '',
    region,
    name,
  };
  const fn = resolved(identity, version);
  if (known.account === undefined) {
    fn.missingIdentity = missingAccountMessage(region, name, known.accounts);
  }
  return fn;
}

/** The accounts a refusal names at most. */
const MAX_ACCOUNTS_NAMED = 3;

/** Why telemetry of a Lambda function without an account is refused, and what to set. */
export function missingAccountMessage(
  region: string,
  name: string,
  accounts: readonly string[],
): string {
  const where = region === '' ? '' : ` in ${region}`;
  const fix = `set cloud.account.id${region === '' ? ' and cloud.region' : ''} on the resource (e.g. OTEL_RESOURCE_ATTRIBUTES=cloud.account.id=123456789012${region === '' ? ',cloud.region=eu-west-1' : ''})`;
  const why =
    accounts.length === 0
      ? `no function of that name${where} is known yet`
      : `functions of that name${where} are known in ${accounts.length > MAX_ACCOUNTS_NAMED ? `more than ${MAX_ACCOUNTS_NAMED}` : accounts.length} accounts (${accounts.slice(0, MAX_ACCOUNTS_NAMED).join(', ')}${accounts.length > MAX_ACCOUNTS_NAMED ? ', …' : ''})`;
  return `Lambda function "${name}"${where} has no cloud.account.id and ${why}: ${fix}`;
}

/** What the attributes may not say and the deployment configures. */
export interface FaasResolveOptions {
  /**
   * The cluster (region) of Knative functions whose telemetry carries no `k8s.cluster.name`, as
   * the queue-proxy's does not (knative docs, serving-metrics.md): FLEETSCOPE_KNATIVE_CLUSTER,
   * which the scrapes and the inventory give the same functions. Default ''.
   */
  knativeCluster?: string;
  /**
   * The gateway (region) of OpenFaaS functions, whose telemetry names none: the one gateway of
   * FLEETSCOPE_OPENFAAS_GATEWAYS, under whose name the scrapes file the same functions. Default ''
   * (no gateway, or several).
   */
  openFaasGateway?: string;
  /**
   * The Lambda functions the collector knows, which complete telemetry without cloud.account.id
   * (lambdaWithoutAccount()) and learn the accounts that telemetry names. Without it such
   * telemetry is refused (missingIdentity).
   */
  lambdaAccounts?: LambdaAccountLookup;
}

function resolveKnative(get: AttributeLookup, cluster: string): ResolvedFunction | undefined {
  // Knative serving metrics carry kn.service.name / kn.configuration.name / kn.revision.name and
  // k8s.namespace.name (knative docs, serving-metrics.md); the revision is the version.
  const name =
    get('kn.service.name') ??
    get('kn.configuration.name') ??
    get('faas.name') ??
    get('service.name');
  if (name === undefined) return undefined;
  return resolved(
    {
      platform: 'knative',
      account: get('k8s.namespace.name') ?? get('service.namespace') ?? '',
      region: get('k8s.cluster.name') ?? cluster,
      name,
    },
    get('kn.revision.name') ?? get('faas.version') ?? '',
  );
}

function resolveOpenFaas(get: AttributeLookup, gateway: string): ResolvedFunction | undefined {
  // OpenFaaS names functions `name.namespace` (gateway labels); split it into name and namespace.
  let name = get('faas.name') ?? get('service.name');
  if (name === undefined) return undefined;
  const named = get('k8s.namespace.name') ?? get('service.namespace');
  let namespace = named ?? OPENFAAS_DEFAULT_NAMESPACE;
  const dot = name.lastIndexOf('.');
  if (dot > 0 && (named === undefined || name.slice(dot + 1) === named)) {
    namespace = name.slice(dot + 1);
    name = name.slice(0, dot);
  }
  // Without one, the namespace is the default, as the scrapes, the logs and the inventory take it.
  return resolved(
    { platform: 'openfaas', account: namespace, region: gateway, name },
    get('faas.version') ?? '',
  );
}

function resolveGcp(
  get: AttributeLookup,
  platform: 'gcp_cloud_functions' | 'gcp_cloud_run',
): ResolvedFunction | undefined {
  // The GCP resource detector sets cloud.account.id to the project, faas.name to the function or
  // the Cloud Run service (K_SERVICE) and faas.version to its revision (K_REVISION).
  const name = get('faas.name') ?? get('service.name');
  if (name === undefined) return undefined;
  return resolved(
    {
      platform,
      account: get('cloud.account.id') ?? get('gcp.project_id') ?? '',
      region: get('cloud.region') ?? '',
      name,
    },
    get('faas.version') ?? '',
  );
}

/** `/subscriptions/<sub>/resourceGroups/<rg>/providers/Microsoft.Web/sites/<app>/functions/<fn>` */
const AZURE_RESOURCE_ID =
  /^\/subscriptions\/([^/]+)\/resourceGroups\/[^/]+\/providers\/Microsoft\.Web\/sites\/([^/]+)(?:\/functions\/([^/]+))?/i;

/**
 * A service.name no one chose: the SDKs' `unknown_service[:<exe>]`, the Functions worker's
 * `unknown` (Azure/azure-functions-dotnet-worker FunctionsResourceDetector).
 */
function isDefaultServiceName(name: string): boolean {
  return name === 'unknown' || name.startsWith('unknown_service');
}

/**
 * The function app an Azure span names outside faas.name: the site of its ARM id, else the
 * service.name the Functions host sets to the site name (it leaves out cloud.resource_id when
 * WEBSITE_OWNER_NAME or WEBSITE_RESOURCE_GROUP is empty), unless that is an SDK's default.
 */
function azureApp(arm: RegExpExecArray | null, get: AttributeLookup): string | undefined {
  if (arm !== null) return arm[2];
  const service = get('service.name');
  return service === undefined || isDefaultServiceName(service) ? undefined : service;
}

function resolveAzure(get: AttributeLookup): ResolvedFunction | undefined {
  // semconv: faas.name is `<app>/<function>` on Azure and cloud.resource_id the function's ARM id.
  // The Functions host gives the app's ARM id (or only its service.name) instead and the bare
  // function name on each invocation (docs/decisions.md "Identity"): the app keeps apps apart.
  const arm = AZURE_RESOURCE_ID.exec(get('cloud.resource_id') ?? '');
  const fromArm = arm?.[3] !== undefined ? `${arm[2]}/${arm[3]}` : undefined;
  const faasName = get('faas.name');
  const app = azureApp(arm, get);
  const qualified =
    faasName !== undefined && app !== undefined && !faasName.includes('/')
      ? `${app}/${faasName}`
      : faasName;
  const name = fromArm ?? qualified ?? (arm ? arm[2] : undefined);
  if (name === undefined) return undefined;
  return resolved(
    {
      platform: 'azure_functions',
      account: get('cloud.account.id') ?? arm?.[1] ?? '',
      region: get('cloud.region') ?? '',
      name,
    },
    get('faas.version') ?? '',
  );
}

/** Knative's own attributes (knative docs, serving-metrics.md): only a Knative revision has them. */
function hasKnativeAttributes(get: AttributeLookup): boolean {
  return get('kn.service.name') !== undefined || get('kn.revision.name') !== undefined;
}

/**
 * `cloud.platform` values of managed Kubernetes (semantic-conventions model/cloud/registry.yaml;
 * `azure_aks` and `azure_openshift` are the deprecated spellings): they describe the cluster's
 * host, not the function platform running on it.
 */
const KUBERNETES_CLOUD_PLATFORMS = new Set([
  'gcp_kubernetes_engine',
  'gcp_openshift',
  'aws_eks',
  'aws_openshift',
  'azure.aks',
  'azure_aks',
  'azure.openshift',
  'azure_openshift',
  'alibaba_cloud_openshift',
  'ibm_cloud_openshift',
  'tencent_cloud_eks',
]);

/** A function in a Kubernetes namespace: OpenFaaS by its namespace, else Knative. */
function kubernetesPlatform(get: AttributeLookup): Platform {
  const namespace = get('k8s.namespace.name') ?? '';
  if (namespace.startsWith('openfaas') || get('cloud.provider') === 'openfaas') return 'openfaas';
  if (namespace !== '') return 'knative';
  return 'other';
}

function detectPlatform(get: AttributeLookup): Platform {
  const platform = get('cloud.platform');
  if (platform === 'aws_lambda') return 'aws_lambda';
  if (platform === 'knative') return 'knative';
  if (platform === 'openfaas') return 'openfaas';
  if (platform === 'gcp_cloud_functions' || platform === 'gcp_cloud_run') return platform;
  if (platform === 'azure.functions' || platform === 'azure_functions') return 'azure_functions';
  if (hasKnativeAttributes(get)) return 'knative';
  if (platform !== undefined) {
    return KUBERNETES_CLOUD_PLATFORMS.has(platform) ? kubernetesPlatform(get) : 'other';
  }
  if (
    get('aws.lambda.invoked_arn') !== undefined ||
    get('faas.id')?.startsWith('arn:') ||
    get('cloud.resource_id')?.includes(':lambda:')
  ) {
    return 'aws_lambda';
  }
  if (get('cloud.provider') === 'aws' && get('faas.name') !== undefined) return 'aws_lambda';
  return kubernetesPlatform(get);
}

/**
 * The function that telemetry describes, per docs/decisions.md "Identity": Lambda account/region/name from
 * an ARN, else cloud.account.id/cloud.region/faas.name; Knative namespace/service with the revision
 * as version, on k8s.cluster.name or else the configured cluster; OpenFaaS `name.namespace` on the configured
 * gateway; GCP project/region/function or service with the revision
 * as version; Azure subscription/region/`app/function`; anything else with faas.name is 'other'.
 * Undefined when the attributes carry no FaaS semantics or no name.
 */
export function resolveFunction(
  get: AttributeLookup,
  options: FaasResolveOptions = {},
): ResolvedFunction | undefined {
  if (!hasFaasSemantics(get)) return undefined;
  const platform = detectPlatform(get);
  switch (platform) {
    case 'aws_lambda':
      return resolveLambda(get, options.lambdaAccounts);
    case 'knative':
      return resolveKnative(get, options.knativeCluster ?? '');
    case 'openfaas':
      return resolveOpenFaas(get, options.openFaasGateway ?? '');
    case 'gcp_cloud_functions':
    case 'gcp_cloud_run':
      return resolveGcp(get, platform);
    case 'azure_functions':
      return resolveAzure(get);
    case 'other': {
      const name = get('faas.name');
      if (name === undefined) return undefined;
      return resolved(
        {
          platform: 'other',
          account: get('cloud.account.id') ?? '',
          region: get('cloud.region') ?? '',
          name,
        },
        get('faas.version') ?? '',
      );
    }
  }
}

/**
 * faas.max_memory is bytes by the conventions, but the Lambda collector extension sends the MB
 * figure as a string (docs/decisions.md "OpenTelemetry FaaS quirks"). No function has less than 1 MiB, so a value below
 * 1,048,576 is taken as MB.
 */
export function memoryMbFromMaxMemory(raw: string | undefined): number | null {
  if (raw === undefined) return null;
  const n = Number(raw);
  if (!Number.isFinite(n) || n <= 0) return null;
  if (n < 1048576) return n;
  return Math.round((n / 1048576) * 1000) / 1000;
}

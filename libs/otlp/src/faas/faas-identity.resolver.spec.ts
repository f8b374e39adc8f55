import { openFaasFunction } from '@fleetscope/ingest';
import { layeredLookup, resolveFunction } from './faas-identity.resolver';

const resolve = (attrs: Record<string, string>) => resolveFunction(layeredLookup(attrs));

describe(resolveFunction.name, () => {
  it('recognises Cloud Run with its project, region, service and revision', () => {
    expect(
      resolve({
        'cloud.platform': 'gcp_cloud_run',
        'cloud.account.id': 'shop-prod',
        'cloud.region': 'europe-west1',
        'faas.name': 'checkout',
        'faas.version': 'checkout-00042-xyz',
      }),
    ).toEqual({
      platform: 'gcp_cloud_run',
      account: 'shop-prod',
      region: 'europe-west1',
      name: 'checkout',
      version: 'checkout-00042-xyz',
      functionId: 'gcp_cloud_run~shop-prod~europe-west1~checkout',
    });
  });

  it('recognises Cloud Functions, falling back to service.name for the function', () => {
    expect(
      resolve({
        'cloud.platform': 'gcp_cloud_functions',
        'cloud.account.id': 'p1',
        'cloud.region': 'us-central1',
        'service.name': 'resize',
      }),
    ).toMatchObject({ platform: 'gcp_cloud_functions', account: 'p1', name: 'resize' });
  });

  it('takes Azure subscription, app and function from the ARM resource id', () => {
    expect(
      resolve({
        'cloud.platform': 'azure.functions',
        'cloud.region': 'westeurope',
        'cloud.resource_id':
          '/subscriptions/0f1e-22/resourceGroups/rg1/providers/Microsoft.Web/sites/orders/functions/Ship',
      }),
    ).toMatchObject({
      platform: 'azure_functions',
      account: '0f1e-22',
      region: 'westeurope',
      name: 'orders/Ship',
      functionId: 'azure_functions~0f1e-22~westeurope~orders%2FShip',
    });
  });

  it('accepts the deprecated azure_functions value with faas.name and cloud.account.id', () => {
    expect(
      resolve({
        'cloud.platform': 'azure_functions',
        'cloud.account.id': 'owner',
        'cloud.region': 'app',
        'faas.name': 'fn',
      }),
    ).toMatchObject({ platform: 'azure_functions', account: 'owner', region: 'app', name: 'fn' });
  });

  it('names an Azure function app/function when the span names the function and the resource the app', () => {
    // The Functions host's OpenTelemetry mode (Azure/azure-functions-host FunctionsResourceDetector):
    // the resource's cloud.resource_id is the function app's ARM id, and the invocation's span
    // carries faas.name = the function's own name. Two apps' HttpTrigger1 are two functions.
    const resource = (app: string) => ({
      'service.name': app,
      'cloud.provider': 'azure',
      'cloud.platform': 'azure_functions',
      'cloud.region': 'West Europe',
      'cloud.resource_id': `/subscriptions/0f1e-22/resourceGroups/rg1/providers/Microsoft.Web/sites/${app}`,
    });
    const span = { 'faas.name': 'HttpTrigger1', 'faas.trigger': 'http' };
    const orders = resolveFunction(layeredLookup(span, resource('orders')));
    const returns = resolveFunction(layeredLookup(span, resource('returns')));
    expect(orders).toMatchObject({ account: '0f1e-22', name: 'orders/HttpTrigger1' });
    expect(returns).toMatchObject({ account: '0f1e-22', name: 'returns/HttpTrigger1' });
  });

  it('names an Azure function app/function by its service.name when the host sends no ARM id', () => {
    // The Functions host leaves out cloud.resource_id when WEBSITE_RESOURCE_GROUP or
    // WEBSITE_OWNER_NAME is empty, and still sets service.name to the site name
    // (Azure/azure-functions-host FunctionsResourceDetector). Both were azure_functions~~westeurope~HttpTrigger1.
    const resource = (app: string) => ({
      'cloud.platform': 'azure.functions',
      'service.name': app,
      'cloud.region': 'westeurope',
    });
    const span = { 'faas.name': 'HttpTrigger1' };
    expect(resolveFunction(layeredLookup(span, resource('app-a')))?.functionId).toBe(
      'azure_functions~~westeurope~app-a%2FHttpTrigger1',
    );
    expect(resolveFunction(layeredLookup(span, resource('app-b')))?.functionId).toBe(
      'azure_functions~~westeurope~app-b%2FHttpTrigger1',
    );
    // An SDK's default service.name names no app.
    for (const unnamed of ['unknown_service', 'unknown_service:dotnet', 'unknown']) {
      expect(resolveFunction(layeredLookup(span, resource(unnamed)))?.name).toBe('HttpTrigger1');
    }
  });

  it('keeps a faas.name that already reads app/function', () => {
    expect(
      resolve({
        'cloud.platform': 'azure.functions',
        'cloud.resource_id':
          '/subscriptions/s/resourceGroups/rg/providers/Microsoft.Web/sites/orders',
        'faas.name': 'orders/Ship',
      }),
    ).toMatchObject({ name: 'orders/Ship' });
  });

  it('recognises Knative by its kn.* attributes on a Kubernetes cloud platform', () => {
    // A Knative Service on GKE: the GCP resource detector names the host (gcp_kubernetes_engine,
    // k8s.cluster.name); the kn.* attributes name the Knative Service and revision.
    expect(
      resolve({
        'cloud.provider': 'gcp',
        'cloud.platform': 'gcp_kubernetes_engine',
        'cloud.account.id': 'shop-prod',
        'cloud.region': 'europe-west1',
        'k8s.cluster.name': 'prod',
        'k8s.namespace.name': 'default',
        'kn.service.name': 'hello',
        'kn.revision.name': 'hello-00001',
      }),
    ).toEqual({
      platform: 'knative',
      account: 'default',
      region: 'prod',
      name: 'hello',
      version: 'hello-00001',
      functionId: 'knative~default~prod~hello',
    });
  });

  it('reads a function on a Kubernetes cloud platform as Knative or OpenFaaS by its namespace', () => {
    // A Knative pod on EKS that names itself from K_SERVICE / K_REVISION and the downward API:
    // the AWS EKS detector says aws_eks and cloud.provider aws, which does not make it Lambda.
    const pod = {
      'cloud.provider': 'aws',
      'cloud.platform': 'aws_eks',
      'cloud.region': 'eu-west-1',
      'k8s.cluster.name': 'prod',
      'faas.name': 'hello',
      'faas.version': 'hello-00001',
    };
    expect(resolve({ ...pod, 'k8s.namespace.name': 'shop' })).toMatchObject({
      platform: 'knative',
      functionId: 'knative~shop~prod~hello',
      version: 'hello-00001',
    });
    expect(resolve({ ...pod, 'k8s.namespace.name': 'openfaas-fn' })).toMatchObject({
      platform: 'openfaas',
      account: 'openfaas-fn',
      name: 'hello',
    });
    expect(
      resolve({ ...pod, 'cloud.platform': 'gcp_kubernetes_engine', 'k8s.namespace.name': 'shop' }),
    ).toMatchObject({ platform: 'knative', functionId: 'knative~shop~prod~hello' });
  });

  it('files an OpenFaaS function that names no namespace under openfaas-fn, as its scrapes and logs do', () => {
    // Was openfaas~~gw~figlet, apart from the gateway scrape's openfaas~openfaas-fn~gw~figlet.
    const gateway = { openFaasGateway: 'gw' };
    const ref = openFaasFunction('figlet', 'gw').functionId;
    expect(ref).toBe('openfaas~openfaas-fn~gw~figlet');
    const unqualified: Record<string, string>[] = [
      { 'cloud.platform': 'openfaas', 'faas.name': 'figlet' },
      { 'cloud.platform': 'openfaas', 'service.name': 'figlet' },
      { 'cloud.platform': 'openfaas', 'faas.name': 'figlet.openfaas-fn' },
    ];
    for (const attributes of unqualified) {
      expect(resolveFunction(layeredLookup(attributes), gateway)?.functionId).toBe(ref);
    }
    // A namespace the telemetry names is kept, from the attribute or the name's suffix.
    expect(
      resolveFunction(
        layeredLookup({ 'cloud.platform': 'openfaas', 'faas.name': 'figlet.dev' }),
        gateway,
      ),
    ).toMatchObject({ account: 'dev', name: 'figlet' });
    expect(
      resolveFunction(
        layeredLookup({
          'cloud.platform': 'openfaas',
          'faas.name': 'figlet',
          'k8s.namespace.name': 'dev',
        }),
        gateway,
      ),
    ).toMatchObject({ account: 'dev', name: 'figlet' });
  });

  it('leaves other cloud platforms as other', () => {
    expect(resolve({ 'cloud.platform': 'alibaba_cloud_fc', 'faas.name': 'f' })).toMatchObject({
      platform: 'other',
      name: 'f',
    });
  });

  it('defect: a Lambda span without a region, or with what is no AWS region or account, was filed as a function of its own (aws_lambda~123456789012~~noregion-fn); it is refused, naming what to set', () => {
    const lambda = (attrs: Record<string, string>) =>
      resolve({ 'cloud.platform': 'aws_lambda', 'faas.name': 'fn', ...attrs });
    expect(lambda({ 'cloud.account.id': '123456789012' })?.missingIdentity).toMatch(
      /cloud\.region: required/,
    );
    expect(
      lambda({ 'cloud.account.id': '123456789012', 'cloud.region': 'Mars' })?.missingIdentity,
    ).toMatch(/cloud\.region "Mars" is not an AWS region/);
    expect(
      lambda({ 'cloud.account.id': 'x', 'cloud.region': 'eu-west-1' })?.missingIdentity,
    ).toMatch(/cloud\.account\.id "x" is not an AWS account id/);
    // An ARN without its region takes cloud.region.
    expect(
      lambda({
        'cloud.resource_id': 'arn:aws:lambda::123456789012:function:fn',
        'cloud.region': 'eu-west-1',
      }),
    ).toMatchObject({ functionId: 'aws_lambda~123456789012~eu-west-1~fn' });
    expect(
      lambda({ 'cloud.account.id': '123456789012', 'cloud.region': 'us-gov-west-1' })
        ?.missingIdentity,
    ).toBeUndefined();
  });
});

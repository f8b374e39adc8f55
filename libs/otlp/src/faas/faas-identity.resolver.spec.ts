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

  it('leaves other cloud platforms as other', () => {
    expect(resolve({ 'cloud.platform': 'alibaba_cloud_fc', 'faas.name': 'f' })).toMatchObject({
      platform: 'other',
      name: 'f',
    });
  });
});

import { platformFunctionName } from './function-target';

describe('platformFunctionName', () => {
  it('turns Fleetscope ids into the names each platform knows', () => {
    expect(platformFunctionName('aws-lambda', 'aws_lambda~123456789012~eu-west-1~orders')).toBe(
      'arn:aws:lambda:eu-west-1:123456789012:function:orders',
    );
    expect(platformFunctionName('openfaas', 'openfaas~openfaas-fn~gw~resize')).toBe(
      'gw/resize.openfaas-fn',
    );
    expect(platformFunctionName('knative', 'knative~media~prod~thumbs')).toBe('media/thumbs');
  });

  it('passes names that are not ids through as written', () => {
    expect(platformFunctionName('aws-lambda', 'orders')).toBe('orders');
    expect(platformFunctionName('openfaas', 'resize.openfaas-fn')).toBe('resize.openfaas-fn');
  });
});

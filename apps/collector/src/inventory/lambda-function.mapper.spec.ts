import { lambdaConfigUpdate, needsFullConfiguration } from './lambda-function.mapper';

const base = {
  FunctionName: 'checkout',
  FunctionArn: 'arn:aws:lambda:eu-west-1:123456789012:function:checkout',
  Runtime: 'nodejs20.x' as const,
  MemorySize: 512,
  Timeout: 30,
  PackageType: 'Zip' as const,
};

describe(lambdaConfigUpdate.name, () => {
  it('takes the identity from the ARN and converts the timeout to milliseconds', () => {
    expect(lambdaConfigUpdate({ ...base, Architectures: ['arm64'] }, [])).toMatchObject({
      functionId: 'aws_lambda~123456789012~eu-west-1~checkout',
      account: '123456789012',
      region: 'eu-west-1',
      name: 'checkout',
      memoryMb: 512,
      timeoutMs: 30_000,
      architecture: 'arm64',
      runtime: 'nodejs20.x',
      provisionedConcurrency: 0,
    });
  });

  it('sums allocated provisioned concurrency over qualifiers and leaves it unknown when unread', () => {
    const update = lambdaConfigUpdate(base, [
      { FunctionArn: `${base.FunctionArn}:live`, AllocatedProvisionedConcurrentExecutions: 3 },
      { FunctionArn: `${base.FunctionArn}:7`, AllocatedProvisionedConcurrentExecutions: 2 },
    ]);
    expect(update?.provisionedConcurrency).toBe(5);
    expect(update?.labels).toEqual({
      'aws.lambda.provisioned_concurrency.live': '3',
      'aws.lambda.provisioned_concurrency.7': '2',
    });
    expect(lambdaConfigUpdate(base, undefined)?.provisionedConcurrency).toBeUndefined();
  });

  it('defaults the architecture to x86_64 and refuses items without a function ARN', () => {
    expect(lambdaConfigUpdate(base, [])?.architecture).toBe('x86_64');
    expect(lambdaConfigUpdate({ ...base, FunctionArn: 'arn:aws:s3:::bucket' }, [])).toBeUndefined();
  });
});

describe(needsFullConfiguration.name, () => {
  it('asks for the full configuration only when the list left out a size', () => {
    expect(needsFullConfiguration(base)).toBe(false);
    expect(needsFullConfiguration({ ...base, Timeout: undefined })).toBe(true);
  });
});

import { functionId, functionIdPrefix, parseFunctionId } from './function-identity';

describe(functionIdPrefix.name, () => {
  const id = functionId({
    platform: 'aws_lambda',
    account: '123456789012',
    region: 'us-east-1',
    name: 'checkout',
  });

  it('is what the ids of a platform, an account or a region start with, and no other', () => {
    expect(id.startsWith(functionIdPrefix({ platform: 'aws_lambda' }))).toBe(true);
    const account = functionIdPrefix({ platform: 'aws_lambda', account: '123456789012' });
    expect(id.startsWith(account)).toBe(true);
    expect(
      id.startsWith(
        functionIdPrefix({ platform: 'aws_lambda', account: '123456789012', region: 'us-east-1' }),
      ),
    ).toBe(true);
    // Whole parts only: account 1234 is not a prefix of account 123456789012's ids.
    expect(id.startsWith(functionIdPrefix({ platform: 'aws_lambda', account: '1234' }))).toBe(
      false,
    );
    expect(id.startsWith(functionIdPrefix({ platform: 'knative' }))).toBe(false);
  });

  it('encodes its parts as ids do', () => {
    expect(functionIdPrefix({ platform: 'knative', account: 'a~b' })).toBe('knative~a%7Eb~');
  });
});

describe(parseFunctionId.name, () => {
  it('reads back the parts of an id, encoded or not', () => {
    const parts = {
      platform: 'knative' as const,
      account: 'team~a',
      region: 'eu west',
      name: 'resize%image',
    };
    expect(parseFunctionId(functionId(parts))).toEqual(parts);
    expect(parseFunctionId('aws_lambda~123456789012~us-east-1~checkout')).toEqual({
      platform: 'aws_lambda',
      account: '123456789012',
      region: 'us-east-1',
      name: 'checkout',
    });
  });

  it('refuses an id with a malformed escape, an unknown platform or a missing name', () => {
    expect(parseFunctionId('aws_lambda~123456789012~us-east-1~bad%E0')).toBeUndefined();
    expect(parseFunctionId('mainframe~1~r~name')).toBeUndefined();
    expect(parseFunctionId('aws_lambda~123456789012~us-east-1~')).toBeUndefined();
  });

  it('takes exactly four parts, the first three possibly empty or encoded', () => {
    expect(parseFunctionId('aws_lambda~1~us-east-1')).toBeUndefined();
    expect(parseFunctionId('aws_lambda~1~us-east-1~a~b')).toBeUndefined();
    expect(parseFunctionId('aws_lambda~1~us-east-1~a~')).toBeUndefined();
    expect(parseFunctionId('~aws_lambda~1~us-east-1~a')).toBeUndefined();
    expect(parseFunctionId('')).toBeUndefined();
    expect(parseFunctionId('aws_lambda~~~a')).toEqual({
      platform: 'aws_lambda',
      account: '',
      region: '',
      name: 'a',
    });
    expect(parseFunctionId('%61ws_lambda~1~r~n%7Ea')).toEqual({
      platform: 'aws_lambda',
      account: '1',
      region: 'r',
      name: 'n~a',
    });
  });
});

import { LambdaAccounts } from './lambda-accounts';

describe(LambdaAccounts.name, () => {
  it('defect: one name collected every account a sender made up (80,000 in a 1.1 MB refusal, seconds of event loop per request); it keeps a few, enough to know the name is ambiguous', () => {
    const accounts = new LambdaAccounts();
    for (let i = 0; i < 100_000; i++) {
      accounts.learn(String(100_000_000_000 + i), 'eu-west-1', 'victim');
    }
    const answer = accounts.accountOf('eu-west-1', 'victim');
    expect(answer.account).toBeUndefined();
    expect('accounts' in answer ? answer.accounts.length : 0).toBeLessThanOrEqual(4);
  });

  it('defect: names of any length were kept (50 MB a request of 50,000-character names); it learns only what can be a Lambda function', () => {
    const accounts = new LambdaAccounts();
    accounts.learn('123456789012', 'eu-west-1', 'x'.repeat(50_000));
    accounts.learn('not-an-account', 'eu-west-1', 'fn');
    accounts.learn('123456789012', 'Mars', 'fn');
    accounts.learn('123456789012', '', 'fn');
    expect(accounts.size).toBe(0);
    accounts.learn('123456789012', 'eu-west-1', 'fn');
    expect(accounts.accountOf('eu-west-1', 'fn')).toEqual({ account: '123456789012' });
  });
});

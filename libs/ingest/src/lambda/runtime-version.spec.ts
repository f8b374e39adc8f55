import { runtimeFromRuntimeVersion } from './runtime-version';

describe(runtimeFromRuntimeVersion.name, () => {
  it.each([
    ['nodejs:20.v13', 'nodejs20.x'],
    ['nodejs:20.v22', 'nodejs20.x'],
    ['nodejs-14.v3', 'nodejs14.x'],
    ['python:3.13.v68', 'python3.13'],
    ['java:11.v21', 'java11'],
    ['ruby:3.2.v10', 'ruby3.2'],
    ['dotnet:8.v10', 'dotnet8'],
    ['provided:al2023.v12', 'provided.al2023'],
  ])('maps %s to the runtime identifier %s', (version, runtime) => {
    expect(runtimeFromRuntimeVersion(version)).toBe(runtime);
  });

  it('returns shapes it does not know unchanged', () => {
    expect(runtimeFromRuntimeVersion('cobol:85.v1')).toBe('cobol:85.v1');
    expect(runtimeFromRuntimeVersion('weird')).toBe('weird');
  });
});

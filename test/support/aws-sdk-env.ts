/**
 * Points the AWS SDK at a local stand-in of the Lambda API with test credentials. The SDK reads
 * these variables itself, as in production: the endpoint override and the credentials chain.
 * Returns what puts the environment back as it was.
 */
export function pointAwsSdkAt(endpointUrl: string, region?: string): () => void {
  const wanted: Record<string, string | undefined> = {
    AWS_ENDPOINT_URL_LAMBDA: endpointUrl,
    AWS_ACCESS_KEY_ID: 'AKIDFLEETSCOPETEST',
    AWS_SECRET_ACCESS_KEY: 'test-secret',
    AWS_EC2_METADATA_DISABLED: 'true',
    AWS_SESSION_TOKEN: undefined,
    AWS_PROFILE: undefined,
    ...(region === undefined ? {} : { AWS_REGION: region }),
  };
  const saved = Object.fromEntries(Object.keys(wanted).map((k) => [k, process.env[k]]));
  setEnv(wanted);
  return () => setEnv(saved);
}

function setEnv(values: Record<string, string | undefined>): void {
  for (const [k, v] of Object.entries(values)) {
    if (v === undefined) delete process.env[k];
    else process.env[k] = v;
  }
}

import { parseFunctionId } from '@fleetscope/model';
import type { TuningPlatform } from '../tuning.types';

/**
 * What a driver is given to find the function: a Fleetscope function id (as the dashboard sends
 * it) becomes the platform's own name (a Lambda ARN, `name.namespace`, `namespace/service`);
 * anything else is passed through as the user wrote it.
 */
export function platformFunctionName(platform: TuningPlatform, fn: string): string {
  const id = parseFunctionId(fn);
  if (!id) return fn;
  switch (platform) {
    case 'aws-lambda':
      return id.platform === 'aws_lambda' && id.account && id.region
        ? `arn:aws:lambda:${id.region}:${id.account}:function:${id.name}`
        : id.name;
    case 'openfaas': {
      // The region of an OpenFaaS function is its gateway's name: `gateway/name.namespace`.
      const qualified = id.account && !id.name.includes('.') ? `${id.name}.${id.account}` : id.name;
      return id.region ? `${id.region}/${qualified}` : qualified;
    }
    case 'knative':
      return id.account ? `${id.account}/${id.name}` : id.name;
  }
}

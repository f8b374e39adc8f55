import { dnsLabelProblem, parseFunctionId } from '@fleetscope/model';
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

/** Where a pod platform's function lives: its namespace, and for OpenFaaS the gateway's name. */
export interface PodFunctionName {
  gateway?: string;
  name: string;
  namespace: string;
}

/** A function name the platform cannot have; the message names the part and the rule. */
export class FunctionNameError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'FunctionNameError';
  }
}

/** Names the drivers put in URL paths: DNS-1123 labels (dnsLabelProblem), or nothing is called. */
function checkLabel(written: string, what: string, value: string, form: string): void {
  const problem = dnsLabelProblem(what, value);
  if (problem !== undefined) throw new FunctionNameError(`"${written}": ${problem}; write ${form}`);
}

/** `[gateway/]name[.namespace]` of an OpenFaaS function, in openfaas-fn unless named. */
export function openFaasFunctionName(fn: string): PodFunctionName {
  const slash = fn.indexOf('/');
  const gateway = slash > 0 ? fn.slice(0, slash) : undefined;
  const qualified = slash > 0 ? fn.slice(slash + 1) : fn;
  const dot = qualified.lastIndexOf('.');
  const name = dot > 0 ? qualified.slice(0, dot) : qualified;
  const namespace = dot > 0 ? qualified.slice(dot + 1) : 'openfaas-fn';
  const form = '[gateway/]name[.namespace]';
  checkLabel(fn, 'OpenFaaS function name', name, form);
  checkLabel(fn, 'OpenFaaS namespace', namespace, form);
  return { gateway, name, namespace };
}

/** `[namespace/]service` of a Knative Service, in default unless named. */
export function knativeServiceName(fn: string): PodFunctionName {
  const slash = fn.indexOf('/');
  const namespace = slash > 0 ? fn.slice(0, slash) : 'default';
  const name = slash > 0 ? fn.slice(slash + 1) : fn;
  const form = '[namespace/]service';
  checkLabel(fn, 'Knative namespace', namespace, form);
  checkLabel(fn, 'Knative service', name, form);
  return { name, namespace };
}

/** Why the platform cannot have a function of this name (as a driver is given it), if it cannot. */
export function functionNameProblem(platform: TuningPlatform, fn: string): string | undefined {
  try {
    switch (platform) {
      case 'aws-lambda':
        // A name, an ARN or a Fleetscope id: Lambda's own rules, checked where the driver reads it.
        return undefined;
      case 'openfaas':
        openFaasFunctionName(fn);
        return undefined;
      case 'knative':
        knativeServiceName(fn);
        return undefined;
    }
  } catch (error) {
    if (error instanceof FunctionNameError) return error.message;
    throw error;
  }
}

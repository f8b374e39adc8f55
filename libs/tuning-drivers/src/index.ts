export * from './lambda/lambda.driver';
export * from './openfaas/openfaas.driver';
export * from './knative/knative.driver';
export * from './http/authorized-request';

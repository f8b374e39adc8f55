export * from './lambda/lambda.driver';

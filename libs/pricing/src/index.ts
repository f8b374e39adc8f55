export * from './catalogue/price.types';
export * from './catalogue/price-catalogue';
export * from './catalogue/cost-accumulator';
export * from './catalogue/default-prices';
export * from './lambda/lambda-billing.rules';
export * from './lambda/lambda-cost.calculator';
export * from './containers/container-cost.calculator';
export * from './pricing.service';

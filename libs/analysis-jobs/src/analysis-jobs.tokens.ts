/**
 * The price catalogue of this process: the default list with the configured Kubernetes node price.
 * Price through the PricingService provider built over it, not through the catalogue directly.
 */
export const PRICE_CATALOGUE = Symbol('PRICE_CATALOGUE');
/** The analyzers a run executes (defaultAnalyzers() unless a module provides others). */
export const ANALYZERS = Symbol('ANALYZERS');

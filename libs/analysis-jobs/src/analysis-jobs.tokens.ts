/** The price catalogue of this process: the default list with the configured Kubernetes node price. */
export const PRICE_CATALOGUE = Symbol('PRICE_CATALOGUE');
/** The analyzers a run executes (defaultAnalyzers() unless a module provides others). */
export const ANALYZERS = Symbol('ANALYZERS');

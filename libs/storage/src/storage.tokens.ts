/** Injection tokens: the process's one validated config and its one ClickHouse handle. */
export const FLEETSCOPE_CONFIG = Symbol('FLEETSCOPE_CONFIG');
export const CLICKHOUSE = Symbol('CLICKHOUSE');

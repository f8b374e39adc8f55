/** Injection token of the process's one ClickHouse handle (the config's is @fleetscope/config's). */
export const CLICKHOUSE = Symbol('CLICKHOUSE');

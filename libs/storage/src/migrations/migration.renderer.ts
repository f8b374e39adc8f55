/**
 * Migrations are plain SQL with a few placeholders, so one file serves a single server, chDB and a
 * cluster (FLEETSCOPE_CLICKHOUSE_CLUSTER):
 *
 *   {{on_cluster}}            → '' | ON CLUSTER '<cluster>'
 *   {{table:NAME}}            → NAME | NAME_local         (where rows are physically stored)
 *   {{engine:MergeTree}}      → MergeTree | ReplicatedMergeTree('/clickhouse/tables/{shard}/{database}/{table}', '{replica}')
 *   {{engine:ReplacingMergeTree(v)}} and any other *MergeTree(args) likewise
 *   {{ttl:raw:COLUMN}}        → TTL COLUMN + INTERVAL <FLEETSCOPE_RETENTION_DAYS> DAY, or '' when 0
 *   {{ttl:aggregate:COLUMN}}  → the same with FLEETSCOPE_AGGREGATE_RETENTION_DAYS
 *   {{distributed:NAME}}      → alone on a line: in cluster mode the statement
 *                               CREATE TABLE NAME ON CLUSTER … AS NAME_local ENGINE = Distributed(…)
 *                               and nothing otherwise
 *
 * Queries and inserts always use the plain NAME: the table itself, or its Distributed front.
 */
export interface RenderOptions {
  cluster?: string;
  database: string;
  rawRetentionDays: number;
  aggregateRetentionDays: number;
}

const PLACEHOLDER = /\{\{([a-z_]+)(?::([^}]*))?\}\}/g;

export class MigrationRenderError extends Error {}

export function renderMigration(sql: string, options: RenderOptions): string {
  const cluster = options.cluster;
  const onCluster = cluster ? `ON CLUSTER '${cluster}'` : '';
  return sql.replace(PLACEHOLDER, (whole, name: string, arg: string | undefined) => {
    switch (name) {
      case 'on_cluster':
        return onCluster;
      case 'table':
        return cluster ? `${requireArg(whole, arg)}_local` : requireArg(whole, arg);
      case 'engine':
        return cluster ? replicated(requireArg(whole, arg)) : requireArg(whole, arg);
      case 'ttl': {
        const [kind, column] = requireArg(whole, arg).split(':');
        const days =
          kind === 'raw'
            ? options.rawRetentionDays
            : kind === 'aggregate'
              ? options.aggregateRetentionDays
              : undefined;
        if (days === undefined || !column) {
          throw new MigrationRenderError(`${whole}: expected {{ttl:raw|aggregate:COLUMN}}`);
        }
        return days > 0 ? `TTL ${column} + INTERVAL ${days} DAY` : '';
      }
      case 'distributed': {
        const table = requireArg(whole, arg);
        if (!cluster) return '';
        return (
          `CREATE TABLE IF NOT EXISTS ${table} ${onCluster} AS ${table}_local ` +
          `ENGINE = Distributed('${cluster}', '${options.database}', '${table}_local', rand())`
        );
      }
      default:
        throw new MigrationRenderError(`unknown placeholder ${whole}`);
    }
  });
}

function requireArg(whole: string, arg: string | undefined): string {
  if (!arg) throw new MigrationRenderError(`${whole} needs an argument`);
  return arg;
}

function replicated(engine: string): string {
  const match = /^(\w*MergeTree)(?:\((.*)\))?$/.exec(engine.trim());
  if (!match) throw new MigrationRenderError(`cannot replicate engine ${engine}`);
  const [, family, args] = match;
  const zk = `'/clickhouse/tables/{shard}/{database}/{table}', '{replica}'`;
  return `Replicated${family}(${args ? `${zk}, ${args}` : zk})`;
}

/**
 * Splits a file into statements at semicolons that end a line, ignoring `--` comment lines, so a
 * semicolon inside a string literal in the middle of a line does not split a statement.
 */
export function splitStatements(sql: string): string[] {
  const statements: string[] = [];
  let current: string[] = [];
  for (const line of sql.split('\n')) {
    if (/^\s*--/.test(line)) continue;
    const trimmed = line.trimEnd();
    if (trimmed.endsWith(';')) {
      current.push(trimmed.slice(0, -1));
      statements.push(current.join('\n'));
      current = [];
    } else {
      current.push(line);
    }
  }
  statements.push(current.join('\n'));
  return statements.map((s) => s.trim()).filter((s) => s.length > 0);
}

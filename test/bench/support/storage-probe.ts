import type { AppProcess } from './app-process';

export interface TableFootprint {
  table: string;
  rows: number;
  parts: number;
  compressedBytes: number;
  uncompressedBytes: number;
  /** Everything on disk: columns, marks, primary and skip indexes. */
  onDiskBytes: number;
  /** Compressed bytes per column, largest first. */
  columns: { name: string; compressedBytes: number }[];
}

export async function countRows(app: AppProcess, table: string, where = '1'): Promise<number> {
  const [[n]] = await app.query<[number]>(`SELECT count() FROM ${table} WHERE ${where}`);
  return Number(n);
}

/**
 * What a table costs on disk after `OPTIMIZE … FINAL` (one part per partition, as background
 * merges would eventually leave it): system.parts and system.parts_columns of the active parts.
 */
export async function tableFootprint(app: AppProcess, table: string): Promise<TableFootprint> {
  await app.call({ cmd: 'exec', sql: `OPTIMIZE TABLE ${table} FINAL` });
  const [[rows, parts, compressed, uncompressed, onDisk]] = await app.query<number[]>(
    `SELECT sum(rows), count(), sum(data_compressed_bytes), sum(data_uncompressed_bytes), sum(bytes_on_disk)
     FROM system.parts WHERE database = currentDatabase() AND table = '${table}' AND active`,
  );
  const columns = await app.query<[string, number]>(
    `SELECT column, sum(column_data_compressed_bytes) AS bytes FROM system.parts_columns
     WHERE database = currentDatabase() AND table = '${table}' AND active
     GROUP BY column ORDER BY bytes DESC`,
  );
  return {
    table,
    rows: Number(rows),
    parts: Number(parts),
    compressedBytes: Number(compressed),
    uncompressedBytes: Number(uncompressed),
    onDiskBytes: Number(onDisk),
    columns: columns.map(([name, bytes]) => ({ name, compressedBytes: Number(bytes) })),
  };
}

export function printFootprint(f: TableFootprint, unit: string): void {
  const per = (b: number): string => (f.rows > 0 ? (b / f.rows).toFixed(1) : 'n/a');
  console.log(
    `  ${f.table}: ${f.rows} rows in ${f.parts} part(s); compressed ${per(f.compressedBytes)} B/${unit} ` +
      `(uncompressed ${per(f.uncompressedBytes)}, on disk with marks and indexes ${per(f.onDiskBytes)})`,
  );
  const top = f.columns.filter((c) => c.compressedBytes > 0);
  console.log(
    `  per column (B/${unit}): ${top.map((c) => `${c.name} ${per(c.compressedBytes)}`).join(', ')}`,
  );
}

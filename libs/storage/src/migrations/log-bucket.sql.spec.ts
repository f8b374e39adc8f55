import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { BUCKETS_PER_POWER_OF_TWO, bucketIndex, logBucketSql } from '@fleetscope/model';
import { MIGRATIONS_DIR } from './migrations.path';

// A bucket expression as logBucketSql() writes it; anything else using log2 is a second formula.
const GENERATED = /toInt16\(if\((.+?) > 0, ceil\(log2\((.+?)\) \* (\d+)\) - 1, -32768\)\)/g;
// The unguarded form, for values known to be positive (the concurrency of an active minute).
const UNGUARDED = /toInt16\(ceil\(log2\(([^()]+)\) \* (\d+)\) - 1\)/g;

/**
 * Migrations are checksummed when applied (editing one fails every database that ran it), so they
 * are not regenerated: instead every bucket expression they hold must be the text logBucketSql()
 * generates (at 8 buckets per power of two, or the concurrency sketch's 64), and no other log2
 * formula may appear. The repositories' SQL is checked through its snapshots in docs/queries.
 */
describe(logBucketSql.name, () => {
  // The migrations, and the committed snapshots of the SQL the repositories build.
  const QUERIES_DIR = join(MIGRATIONS_DIR, '..', 'docs', 'queries');
  const files = [
    ...readdirSync(MIGRATIONS_DIR).map((f) => join(MIGRATIONS_DIR, f)),
    ...readdirSync(QUERIES_DIR).map((f) => join(QUERIES_DIR, f)),
  ].filter((f) => f.endsWith('.sql'));

  it.each(files)('is the only bucket formula in %s', (file) => {
    // Comments may name the formula; the code may only use the generated text.
    const sql = readFileSync(file, 'utf8').replace(/--.*$/gm, '');
    const matches = [...sql.matchAll(GENERATED)];
    const unguarded = [...sql.matchAll(UNGUARDED)];
    expect(matches.length + unguarded.length).toBe(sql.split('log2(').length - 1);
    for (const [text, value, perPowerOfTwo] of unguarded) {
      expect(file.startsWith(MIGRATIONS_DIR)).toBe(false);
      expect(text).toBe(logBucketSql(value, null, Number(perPowerOfTwo)));
    }
    for (const [text, guard, value, perPowerOfTwo] of matches) {
      // The stored aggregates use the model's layout; only the concurrency sketch is finer.
      if (file.startsWith(MIGRATIONS_DIR))
        expect(Number(perPowerOfTwo)).toBe(BUCKETS_PER_POWER_OF_TWO);
      expect(value.startsWith(guard)).toBe(true);
      expect(text).toBe(logBucketSql(value, guard, Number(perPowerOfTwo)));
    }
  });

  it('writes the bucketIndex() formula in SQL', () => {
    expect(logBucketSql('duration_us / 1000', 'duration_us')).toBe(
      'toInt16(if(duration_us > 0, ceil(log2(duration_us / 1000) * 8) - 1, -32768))',
    );
    expect(bucketIndex(1000)).toBe(Math.ceil(Math.log2(1000) * 8) - 1);
  });
});

-- The hour rows of a range's partial first and last days are found by time across every function,
-- but function_hours is ordered by function first: a 7-day read of 10,000 functions took every
-- granule (101 of 101, 815,000 rows) to keep the 93,000 hour rows of its two partial days, 17 with
-- this projection (BENCHMARKS.md, "engine"). The same time-ordered projection as migration 0021
-- gives the minute and five-minute tables, kept the same way through merges and mutations.
ALTER TABLE {{table:function_hours}} {{on_cluster}} MODIFY SETTING deduplicate_merge_projection_mode = 'rebuild';

ALTER TABLE {{table:function_hours}} {{on_cluster}} ADD PROJECTION IF NOT EXISTS by_minute (SELECT * ORDER BY minute);

ALTER TABLE {{table:function_hours}} {{on_cluster}} MATERIALIZE PROJECTION by_minute;

-- The minute rows at the ends of a range (and the five-minute rows) are found by time across every
-- function, but the tables are ordered by function first: each function's rows span the whole
-- week, so nearly every granule holds some edge minute and a dashboard read scanned the table
-- (17.8 M minute rows for 10,000 functions). A projection ordered by time lets those reads take
-- only the granules of the edge minutes; ClickHouse picks it when it reads fewer marks, and keeps
-- it through merges (rebuilt from the merged rows) and mutations (the start-up repair's deletes).
-- Rows already stored get it by a mutation in the background; reads are correct meanwhile.
ALTER TABLE {{table:function_minutes}} {{on_cluster}} MODIFY SETTING deduplicate_merge_projection_mode = 'rebuild';

ALTER TABLE {{table:function_minutes}} {{on_cluster}} ADD PROJECTION IF NOT EXISTS by_minute (SELECT * ORDER BY minute);

ALTER TABLE {{table:function_minutes}} {{on_cluster}} MATERIALIZE PROJECTION by_minute;

ALTER TABLE {{table:function_five_minutes}} {{on_cluster}} MODIFY SETTING deduplicate_merge_projection_mode = 'rebuild';

ALTER TABLE {{table:function_five_minutes}} {{on_cluster}} ADD PROJECTION IF NOT EXISTS by_minute (SELECT * ORDER BY minute);

ALTER TABLE {{table:function_five_minutes}} {{on_cluster}} MATERIALIZE PROJECTION by_minute;

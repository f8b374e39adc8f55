-- A replay of the ingest log stores the batches of the attempt the process died in with that
-- attempt's insert_deduplication_token (libs/storage/src/writer/encoded-batch.ts, StoreAttempt):
-- ClickHouse drops an insert whose token it has seen, so the rows that attempt had committed are
-- not stored twice. A MergeTree table that is not replicated remembers tokens only with a window
-- (Replicated tables have replicated_deduplication_window). Inserts into these tables always carry
-- a token, unique to their attempt, so two inserts with the same rows are never taken for one.
ALTER TABLE {{table:spans}} {{on_cluster}} MODIFY SETTING non_replicated_deduplication_window = 1000;
ALTER TABLE {{table:logs}} {{on_cluster}} MODIFY SETTING non_replicated_deduplication_window = 1000;
ALTER TABLE {{table:metric_points}} {{on_cluster}} MODIFY SETTING non_replicated_deduplication_window = 1000;
ALTER TABLE {{table:function_minutes}} {{on_cluster}} MODIFY SETTING non_replicated_deduplication_window = 1000;

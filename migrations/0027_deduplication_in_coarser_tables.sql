-- function_minutes drops an insert whose deduplication token it has seen (0026), and ClickHouse
-- still pushes that block through its materialized views (deduplicate_blocks_in_dependent_
-- materialized_views is on): the five-minute, hour and day rows would count a replayed scrape
-- twice while the minute rows count it once. With a window of their own, the views' inserts are
-- dropped there too (their block ids derive from the source insert's). Inserts of different
-- source blocks keep different ids, so identical aggregate rows from two inserts both count.
ALTER TABLE {{table:function_five_minutes}} {{on_cluster}} MODIFY SETTING non_replicated_deduplication_window = 1000;
ALTER TABLE {{table:function_hours}} {{on_cluster}} MODIFY SETTING non_replicated_deduplication_window = 1000;
ALTER TABLE {{table:function_days}} {{on_cluster}} MODIFY SETTING non_replicated_deduplication_window = 1000;

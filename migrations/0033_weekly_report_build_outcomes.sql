-- A weekly report build that ended in an error (docs/decisions.md, Start-up and shutdown) adds a
-- second row of the same week and started_at with outcome 'failed'; a start is the row 'started'
-- (every row written before this migration). The start-up catch-up builds again, once, a scheduled
-- build that neither stored its week nor failed (the process was stopped or killed during it),
-- while a failed one, like a failed tick, is left to the next tick.
--
-- The second ALTER is the Distributed front in cluster mode, the same table again otherwise.
ALTER TABLE {{table:weekly_report_builds}} {{on_cluster}} ADD COLUMN IF NOT EXISTS outcome LowCardinality(String) DEFAULT 'started';
ALTER TABLE weekly_report_builds {{on_cluster}} ADD COLUMN IF NOT EXISTS outcome LowCardinality(String) DEFAULT 'started';

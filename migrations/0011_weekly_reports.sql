-- Weekly cost reports (issue 10): one row per build or delivery update of a week. Reads take the
-- newest revision of each week (argMax, which also holds across Distributed shards), so building a
-- week again replaces it; ReplacingMergeTree lets merges drop the superseded rows.
CREATE TABLE IF NOT EXISTS {{table:weekly_reports}} {{on_cluster}}
(
    week String,
    revision UInt64,
    from_time DateTime('UTC'),
    to_time DateTime('UTC'),
    built_at DateTime64(3, 'UTC'),
    catalogue_version LowCardinality(String),
    total_cost_usd Float64,
    previous_total_cost_usd Float64,
    coverage_status LowCardinality(String),
    -- The report JSON (libs/reports WeeklyReport): the other formats are rendered from it.
    report String,
    -- JSON array of delivery attempts (channel, status, attempts, error, at).
    deliveries String
)
ENGINE = {{engine:ReplacingMergeTree(revision)}}
ORDER BY week;

{{distributed:weekly_reports}};

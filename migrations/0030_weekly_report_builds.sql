-- When each weekly report build began (docs/decisions.md, Start-up and shutdown), stored before
-- it reads anything. weekly_reports holds a week only once its build has stored it whole, so the
-- start-up catch-up, judging by it alone, built again at every start a report whose build brought
-- the process down (or was killed): a crash loop. The catch-up counts a build from this row
-- instead; reports built before this migration count from their built_at.
CREATE TABLE IF NOT EXISTS {{table:weekly_report_builds}} {{on_cluster}}
(
    week String,
    started_at DateTime64(3, 'UTC'),
    -- 'schedule' | 'api'
    trigger LowCardinality(String)
)
ENGINE = {{engine:MergeTree}}
ORDER BY started_at;

{{distributed:weekly_report_builds}};

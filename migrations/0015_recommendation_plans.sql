-- Recommendations a practitioner acts on (issue 9): each row keeps its saving range, the basis it
-- rests on, the action to paste and its role in the function's plan as one JSON document; and
-- each run keeps why functions got no recommendation of a kind, for the "why not" view.
ALTER TABLE {{table:recommendations}} {{on_cluster}} ADD COLUMN IF NOT EXISTS details String DEFAULT '{}';

-- The Distributed table over it in cluster mode (the same table, a no-op, otherwise).
ALTER TABLE recommendations {{on_cluster}} ADD COLUMN IF NOT EXISTS details String DEFAULT '{}';

CREATE TABLE IF NOT EXISTS {{table:recommendation_explanations}} {{on_cluster}}
(
    run_id String,
    created_at DateTime64(3, 'UTC'),
    function_id LowCardinality(String),
    kind LowCardinality(String),
    code LowCardinality(String),
    detail String
)
ENGINE = {{engine:MergeTree}}
PARTITION BY toYYYYMM(created_at)
ORDER BY (run_id, function_id, kind);

{{distributed:recommendation_explanations}};

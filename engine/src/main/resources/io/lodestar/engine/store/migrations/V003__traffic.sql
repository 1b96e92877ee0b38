-- Traffic operations beside the strategy (issue 9): per domain, one JSON document per kind:
-- 'policy' (all-down policy, down TTL, address pools), 'providers' (multi-CDN), 'ramp' (gray
-- migration with its state and timeline), 'switch' (who paused switching, when), 'drill'.
CREATE TABLE traffic_docs (
    domain     TEXT    NOT NULL REFERENCES domains (name) ON DELETE CASCADE,
    kind       TEXT    NOT NULL CHECK (kind IN ('policy', 'providers', 'ramp', 'switch', 'drill')),
    json       TEXT    NOT NULL CHECK (json_valid(json)),
    updated_at INTEGER NOT NULL,
    updated_by TEXT    NOT NULL,
    PRIMARY KEY (domain, kind)
) STRICT;

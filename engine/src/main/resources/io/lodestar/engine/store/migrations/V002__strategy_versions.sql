-- Every published strategy of a domain, kept for viewing and rollback (the strategies table holds
-- the live one). Rows of strategies published before this migration become their domain's first
-- kept version.
CREATE TABLE strategy_versions (
    domain       TEXT    NOT NULL REFERENCES domains (name) ON DELETE CASCADE,
    version      INTEGER NOT NULL CHECK (version >= 1),
    json         TEXT    NOT NULL CHECK (json_valid(json)),
    published_at INTEGER NOT NULL,
    actor        TEXT    NOT NULL,
    note         TEXT    NOT NULL,
    PRIMARY KEY (domain, version)
) STRICT;

INSERT INTO strategy_versions (domain, version, json, published_at, actor, note)
    SELECT domain, version, json, updated_at, '', '' FROM strategies;

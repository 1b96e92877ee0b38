-- Lodestar schema 1. STRICT tables: SQLite checks every column's type.
-- Times are Unix epoch milliseconds (INTEGER); booleans are 0/1; absent values are NULL.
-- Everything that belongs to a domain goes with it (ON DELETE CASCADE); the audit log stays.

CREATE TABLE domains (
    name          TEXT    NOT NULL PRIMARY KEY,
    is_itm_domain INTEGER NOT NULL CHECK (is_itm_domain IN (0, 1)),
    status        TEXT    NOT NULL CHECK (status IN ('', 'start', 'stop', 'pause')),
    ttl           INTEGER NOT NULL CHECK (ttl BETWEEN 1 AND 86400),
    created_at    INTEGER NOT NULL
) STRICT;

CREATE TABLE endpoints (
    id          INTEGER PRIMARY KEY,
    domain      TEXT    NOT NULL REFERENCES domains (name) ON DELETE CASCADE,
    value       TEXT    NOT NULL,
    type        TEXT    NOT NULL CHECK (type IN ('A', 'AAAA', 'CNAME')),
    area        TEXT    NOT NULL,
    isp         TEXT    NOT NULL,
    tags        TEXT    NOT NULL,
    weight      INTEGER NOT NULL CHECK (weight >= 0),
    enable      INTEGER NOT NULL CHECK (enable IN (0, 1)),
    eval_health INTEGER NOT NULL CHECK (eval_health IN (0, 1)),
    UNIQUE (domain, value)
) STRICT;

CREATE TABLE monitors (
    domain        TEXT    NOT NULL PRIMARY KEY REFERENCES domains (name) ON DELETE CASCADE,
    protocol      TEXT    NOT NULL CHECK (protocol IN ('ping', 'tcp', 'http', 'https')),
    port          INTEGER NOT NULL,
    path          TEXT    NOT NULL,
    host          TEXT,
    expect_codes  TEXT    NOT NULL,
    timeout_s     INTEGER NOT NULL,
    interval_s    INTEGER NOT NULL,
    threshold_pct INTEGER NOT NULL,
    window_size   INTEGER NOT NULL,
    min_failures  INTEGER NOT NULL,
    method        TEXT    NOT NULL,
    body_contains TEXT,
    verify_tls    INTEGER NOT NULL CHECK (verify_tls IN (0, 1))
) STRICT;

-- The seed's strategy JSON as SeedJson writes it; version counts the changes.
CREATE TABLE strategies (
    domain     TEXT    NOT NULL PRIMARY KEY REFERENCES domains (name) ON DELETE CASCADE,
    json       TEXT    NOT NULL CHECK (json_valid(json)),
    version    INTEGER NOT NULL CHECK (version >= 1),
    updated_at INTEGER NOT NULL
) STRICT;

CREATE TABLE contacts (
    name    TEXT NOT NULL PRIMARY KEY,
    email   TEXT,
    phone   TEXT,
    webhook TEXT
) STRICT;

CREATE TABLE contact_groups (
    name TEXT NOT NULL PRIMARY KEY
) STRICT;

CREATE TABLE contact_group_members (
    group_name TEXT    NOT NULL REFERENCES contact_groups (name) ON DELETE CASCADE,
    contact    TEXT    NOT NULL REFERENCES contacts (name) ON DELETE CASCADE,
    position   INTEGER NOT NULL,
    PRIMARY KEY (group_name, contact)
) STRICT;
CREATE INDEX contact_group_members_contact ON contact_group_members (contact);

-- Which contact group hears which kind of event about a domain.
CREATE TABLE notifications (
    domain     TEXT NOT NULL REFERENCES domains (name) ON DELETE CASCADE,
    group_name TEXT NOT NULL REFERENCES contact_groups (name) ON DELETE CASCADE,
    event      TEXT NOT NULL CHECK (event IN ('endpoint_down', 'endpoint_up', 'all_down', 'published')),
    PRIMARY KEY (domain, group_name, event)
) STRICT;
CREATE INDEX notifications_group ON notifications (group_name);

-- Only the SHA-256 of a token is kept; AUTOINCREMENT so a revoked token's id is never reused.
CREATE TABLE api_tokens (
    id           INTEGER PRIMARY KEY AUTOINCREMENT,
    name         TEXT    NOT NULL UNIQUE,
    role         TEXT    NOT NULL CHECK (role IN ('full', 'write', 'read')),
    token_sha256 TEXT    NOT NULL UNIQUE CHECK (length(token_sha256) = 64),
    created_at   INTEGER NOT NULL,
    last_used_at INTEGER
) STRICT;

CREATE TABLE audit_log (
    id          INTEGER PRIMARY KEY AUTOINCREMENT,
    at          INTEGER NOT NULL,
    actor       TEXT    NOT NULL,
    action      TEXT    NOT NULL,
    target      TEXT    NOT NULL,
    before_json TEXT CHECK (before_json IS NULL OR json_valid(before_json)),
    after_json  TEXT CHECK (after_json IS NULL OR json_valid(after_json))
) STRICT;
CREATE INDEX audit_log_at ON audit_log (at);
CREATE INDEX audit_log_target_at ON audit_log (target, at);

CREATE TABLE health_events (
    id        INTEGER PRIMARY KEY,
    at        INTEGER NOT NULL,
    domain    TEXT    NOT NULL REFERENCES domains (name) ON DELETE CASCADE,
    endpoint  TEXT    NOT NULL,
    old_state TEXT    NOT NULL CHECK (old_state IN ('ok', 'fail', 'unknown')),
    new_state TEXT    NOT NULL CHECK (new_state IN ('ok', 'fail', 'unknown')),
    evidence  TEXT    NOT NULL
) STRICT;
CREATE INDEX health_events_domain_at ON health_events (domain, at);

-- What each user group gets, appended when it changes; result_sha256 makes "changed?" cheap.
CREATE TABLE schedule_history (
    id            INTEGER PRIMARY KEY,
    domain        TEXT    NOT NULL REFERENCES domains (name) ON DELETE CASCADE,
    at            INTEGER NOT NULL,
    result_json   TEXT    NOT NULL CHECK (json_valid(result_json)),
    result_sha256 TEXT    NOT NULL CHECK (length(result_sha256) = 64),
    reason        TEXT    NOT NULL
) STRICT;
CREATE INDEX schedule_history_domain_at ON schedule_history (domain, at);

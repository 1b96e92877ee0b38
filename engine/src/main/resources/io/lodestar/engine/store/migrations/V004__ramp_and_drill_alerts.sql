-- Contact groups may hear of gray migrations ('ramp': a step advanced, rolled back, completed,
-- paused or resumed) and failover drills ('drill': executed, measured, rolled back), which used to
-- go out as 'published'. SQLite cannot alter a CHECK constraint, so the table is rebuilt with its
-- rows (the migrator runs this inside its one transaction: all of it or none of it). A group that
-- heard 'published' before heard these events under that name, so it keeps hearing them as 'ramp'
-- and 'drill': an upgrade must not silence an alert someone relied on.
CREATE TABLE notifications_v4 (
    domain     TEXT NOT NULL REFERENCES domains (name) ON DELETE CASCADE,
    group_name TEXT NOT NULL REFERENCES contact_groups (name) ON DELETE CASCADE,
    event      TEXT NOT NULL CHECK (event IN ('endpoint_down', 'endpoint_up', 'all_down', 'published', 'ramp', 'drill')),
    PRIMARY KEY (domain, group_name, event)
) STRICT;
INSERT INTO notifications_v4 (domain, group_name, event) SELECT domain, group_name, event FROM notifications;
INSERT INTO notifications_v4 (domain, group_name, event)
    SELECT domain, group_name, kind FROM notifications, (SELECT 'ramp' AS kind UNION ALL SELECT 'drill')
    WHERE event = 'published';
DROP TABLE notifications;
ALTER TABLE notifications_v4 RENAME TO notifications;
CREATE INDEX notifications_group ON notifications (group_name);

package io.lodestar.engine.store;

import io.lodestar.engine.model.ContactGroup;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** The {@code contact_groups} table and its members, kept in the group's order. */
public final class ContactGroupRepo {

    private final Tx tx;

    ContactGroupRepo(Tx tx) {
        this.tx = tx;
    }

    /**
     * Adds a group or replaces its members.
     *
     * @throws SQLException if a member is not a stored contact (foreign key), or is listed twice
     */
    public void put(ContactGroup g) throws SQLException {
        Sql.update(tx.connection(), "INSERT INTO contact_groups (name) VALUES (?) ON CONFLICT (name) DO NOTHING", g.name());
        Sql.update(tx.connection(), "DELETE FROM contact_group_members WHERE group_name = ?", g.name());
        for (int i = 0; i < g.members().size(); i++) {
            Sql.update(tx.connection(), "INSERT INTO contact_group_members (group_name, contact, position) VALUES (?, ?, ?)",
                    g.name(), g.members().get(i), i);
        }
    }

    public Optional<ContactGroup> get(String name) throws SQLException {
        if (Sql.one(tx.connection(), "SELECT 1 FROM contact_groups WHERE name = ?", rs -> true, name).isEmpty()) {
            return Optional.empty();
        }
        return Optional.of(new ContactGroup(name, members(name)));
    }

    /** All groups by name. */
    public List<ContactGroup> list() throws SQLException {
        List<ContactGroup> out = new ArrayList<>();
        for (String name : Sql.list(tx.connection(), "SELECT name FROM contact_groups ORDER BY name", rs -> rs.getString(1))) {
            out.add(new ContactGroup(name, members(name)));
        }
        return out;
    }

    /** Deletes a group; its contacts stay, domains stop notifying it. */
    public boolean delete(String name) throws SQLException {
        return Sql.update(tx.connection(), "DELETE FROM contact_groups WHERE name = ?", name) == 1;
    }

    private List<String> members(String group) throws SQLException {
        return Sql.list(tx.connection(), "SELECT contact FROM contact_group_members WHERE group_name = ? ORDER BY position",
                rs -> rs.getString(1), group);
    }
}

package io.lodestar.engine.store;

import io.lodestar.engine.model.Contact;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.List;
import java.util.Optional;

/** The {@code contacts} table. Deleting a contact removes it from its groups. */
public final class ContactRepo {

    private final Tx tx;

    ContactRepo(Tx tx) {
        this.tx = tx;
    }

    /** Adds or replaces a contact (an upsert, so its group memberships are kept). */
    public void put(Contact c) throws SQLException {
        Sql.update(tx.connection(), "INSERT INTO contacts (name, email, phone, webhook) VALUES (?, ?, ?, ?)"
                        + " ON CONFLICT (name) DO UPDATE SET email = excluded.email, phone = excluded.phone,"
                        + " webhook = excluded.webhook",
                c.name(), c.email(), c.phone(), c.webhook());
    }

    public Optional<Contact> get(String name) throws SQLException {
        return Sql.one(tx.connection(), "SELECT name, email, phone, webhook FROM contacts WHERE name = ?",
                ContactRepo::map, name);
    }

    /** All contacts by name. */
    public List<Contact> list() throws SQLException {
        return Sql.list(tx.connection(), "SELECT name, email, phone, webhook FROM contacts ORDER BY name",
                ContactRepo::map);
    }

    public boolean delete(String name) throws SQLException {
        return Sql.update(tx.connection(), "DELETE FROM contacts WHERE name = ?", name) == 1;
    }

    private static Contact map(ResultSet rs) throws SQLException {
        return new Contact(rs.getString("name"), Sql.optText(rs, "email"), Sql.optText(rs, "phone"),
                Sql.optText(rs, "webhook"));
    }
}

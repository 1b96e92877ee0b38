package io.lodestar.engine.store;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.List;
import java.util.Optional;

/**
 * The {@code api_tokens} table. A token's secret is never stored: only its SHA-256 (hex), which is
 * enough to recognise the token again and useless to whoever reads the file. Tokens are long random
 * strings, so a plain (unsalted, fast) hash is the right tool here, unlike for passwords.
 */
public final class TokenRepo {

    private static final String COLUMNS = "id, name, role, created_at, last_used_at";

    private final Tx tx;

    TokenRepo(Tx tx) {
        this.tx = tx;
    }

    /**
     * Stores a new token under its hash, stamped with the transaction's time.
     *
     * @param secret the token text the client will send; kept only as its hash
     * @return the stored token, or empty if a token of that name exists
     * @throws IllegalArgumentException if the secret is blank
     * @throws SQLException             if a token with the same secret exists
     */
    public Optional<ApiToken> add(String name, TokenRole role, String secret) throws SQLException {
        if (secret.isBlank()) {
            throw new IllegalArgumentException("a token's secret cannot be blank");
        }
        int added = Sql.update(tx.connection(), "INSERT INTO api_tokens (name, role, token_sha256, created_at)"
                + " VALUES (?, ?, ?, ?) ON CONFLICT (name) DO NOTHING", name, role.wire(), Sql.sha256Hex(secret), tx.now());
        return added == 1 ? byName(name) : Optional.empty();
    }

    /** The token a client presented, found by the hash of its secret. */
    public Optional<ApiToken> findBySecret(String secret) throws SQLException {
        return Sql.one(tx.connection(), "SELECT " + COLUMNS + " FROM api_tokens WHERE token_sha256 = ?",
                TokenRepo::map, Sql.sha256Hex(secret));
    }

    public Optional<ApiToken> byName(String name) throws SQLException {
        return Sql.one(tx.connection(), "SELECT " + COLUMNS + " FROM api_tokens WHERE name = ?", TokenRepo::map, name);
    }

    /** All tokens, oldest first. */
    public List<ApiToken> list() throws SQLException {
        return Sql.list(tx.connection(), "SELECT " + COLUMNS + " FROM api_tokens ORDER BY id", TokenRepo::map);
    }

    /** Records that the token was just used; false if there is no such token. */
    public boolean markUsed(long id) throws SQLException {
        return Sql.update(tx.connection(), "UPDATE api_tokens SET last_used_at = ? WHERE id = ?", tx.now(), id) == 1;
    }

    /** Revokes a token. */
    public boolean delete(long id) throws SQLException {
        return Sql.update(tx.connection(), "DELETE FROM api_tokens WHERE id = ?", id) == 1;
    }

    private static ApiToken map(ResultSet rs) throws SQLException {
        String role = rs.getString("role");
        return new ApiToken(rs.getLong("id"), rs.getString("name"),
                TokenRole.fromWire(role).orElseThrow(() -> new StoreException("unknown token role " + role)),
                Sql.instant(rs, "created_at"), Sql.optInstant(rs, "last_used_at"));
    }
}

package io.lodestar.engine.store;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.time.Duration;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class TokenRepoTest {

    private static final String SECRET = "lst_7f3a9c1e5b2d4068a1c3e5f70912b4d6";

    @TempDir
    Path dir;

    private StoreFixture f;

    @BeforeEach
    void open() {
        f = new StoreFixture(dir);
    }

    @AfterEach
    void close() {
        f.close();
    }

    @Test
    void tokensAreStoredHashed() throws Exception {
        f.store.transaction(tx -> tx.tokens().add("ci", TokenRole.WRITE, SECRET));
        String expected = HexFormat.of().formatHex(
                MessageDigest.getInstance("SHA-256").digest(SECRET.getBytes(StandardCharsets.UTF_8)));

        assertEquals(expected, f.store.read(tx -> Sql.one(tx.connection(),
                "SELECT token_sha256 FROM api_tokens WHERE name = 'ci'", rs -> rs.getString(1)).orElseThrow()));
        f.close();
        String file = new String(Files.readAllBytes(f.file), StandardCharsets.ISO_8859_1);
        assertFalse(file.contains(SECRET), "the secret is nowhere in the database file");
        assertTrue(file.contains(expected), "its hash is");
        f = new StoreFixture(dir);
    }

    @Test
    void tokenIsFoundByItsSecretAndNotByAnother() {
        ApiToken added = f.store.transaction(tx -> tx.tokens().add("ci", TokenRole.READ, SECRET)).orElseThrow();

        assertEquals(new ApiToken(added.id(), "ci", TokenRole.READ, StoreFixture.T0, Optional.empty()), added);
        assertEquals(Optional.of(added), f.store.read(tx -> tx.tokens().findBySecret(SECRET)));
        assertEquals(Optional.empty(), f.store.read(tx -> tx.tokens().findBySecret(SECRET + "x")));
    }

    @Test
    void secondTokenWithTheSameNameIsNotAdded() {
        f.store.transaction(tx -> tx.tokens().add("ci", TokenRole.READ, SECRET));
        assertEquals(Optional.empty(), f.store.transaction(tx -> tx.tokens().add("ci", TokenRole.FULL, "other")));
        assertEquals(List.of(TokenRole.READ), f.store.read(tx -> tx.tokens().list()).stream().map(ApiToken::role)
                .collect(java.util.stream.Collectors.toList()));
    }

    @Test
    void useIsStampedAndRevokedTokensAreNotFoundNorTheirIdsReused() {
        long id = f.store.transaction(tx -> tx.tokens().add("ci", TokenRole.FULL, SECRET)).orElseThrow().id();
        f.clock.advance(Duration.ofMinutes(3));
        boolean marked = f.store.transaction(Store.Durability.NORMAL, tx -> tx.tokens().markUsed(id));
        assertTrue(marked);
        assertEquals(Optional.of(StoreFixture.T0.plus(Duration.ofMinutes(3))),
                f.store.read(tx -> tx.tokens().byName("ci").orElseThrow().lastUsedAt()));

        assertTrue(f.changed(tx -> tx.tokens().delete(id)));
        assertEquals(Optional.empty(), f.store.read(tx -> tx.tokens().findBySecret(SECRET)));
        long next = f.store.transaction(tx -> tx.tokens().add("ci", TokenRole.FULL, "new-secret")).orElseThrow().id();
        assertNotEquals(id, next);
    }
}

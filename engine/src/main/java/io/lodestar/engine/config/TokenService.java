package io.lodestar.engine.config;

import io.lodestar.engine.api.Principal;
import io.lodestar.engine.store.ApiToken;
import io.lodestar.engine.store.TokenRole;
import io.lodestar.engine.validate.Errors;
import io.lodestar.engine.validate.ValidationException;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * API tokens with roles (CONTRACT §3). Only a token's SHA-256 is stored; the secret is shown once,
 * when it is created. Authentication is a hash lookup.
 */
public final class TokenService {

    /** A new token: its record and the secret, which is never shown again. */
    public record Issued(ApiToken token, String secret) {
    }

    public static final String ADMIN = "admin";
    private static final Pattern NAME = Pattern.compile("[A-Za-z0-9_.@-]{1,64}");
    private static final SecureRandom RANDOM = new SecureRandom();

    private final Context ctx;

    public TokenService(Context ctx) {
        this.ctx = ctx;
    }

    /** A fresh random secret: 32 bytes, URL-safe Base64. */
    public static String newSecret() {
        byte[] b = new byte[32];
        RANDOM.nextBytes(b);
        return "ls_" + Base64.getUrlEncoder().withoutPadding().encodeToString(b);
    }

    public Optional<Principal> authenticate(String secret) {
        Optional<ApiToken> t = ctx.store().read(tx -> tx.tokens().findBySecret(secret));
        return t.map(x -> new Principal(x.name(), x.role()));
    }

    /**
     * Makes sure the bootstrap token {@code admin} (role full) exists: with {@code given} as its secret
     * if one is given (replacing an older admin secret), else a new random one. Returns the secret
     * when it was created or replaced, empty if an admin token already existed and none was given.
     */
    public Optional<String> bootstrap(Optional<String> given) {
        return ctx.store().transaction(tx -> {
            Optional<ApiToken> admin = tx.tokens().byName(ADMIN);
            if (admin.isPresent() && given.isPresent() && tx.tokens().findBySecret(given.get()).isPresent()) {
                return Optional.<String>empty();
            }
            if (admin.isPresent() && given.isEmpty()) {
                return Optional.<String>empty();
            }
            admin.ifPresent(a -> {
                try {
                    tx.tokens().delete(a.id());
                } catch (java.sql.SQLException e) {
                    throw new io.lodestar.engine.store.StoreException(e.getMessage(), e);
                }
            });
            String secret = given.orElseGet(TokenService::newSecret);
            tx.tokens().add(ADMIN, TokenRole.FULL, secret);
            tx.audit().append("node", "token.bootstrap", ADMIN, Optional.empty(), Optional.of("{\"role\":\"full\"}"));
            return Optional.of(secret);
        });
    }

    public List<ApiToken> list() {
        return ctx.store().read(tx -> tx.tokens().list());
    }

    public Issued create(String actor, String name, String role) throws ValidationException {
        Errors errors = new Errors();
        if (name == null || !NAME.matcher(name).matches()) {
            errors.add("name", "name.invalid", "a token name is 1–64 letters, digits or _ . @ -");
        }
        Optional<TokenRole> r = role == null ? Optional.empty() : TokenRole.fromWire(role);
        if (r.isEmpty()) {
            errors.add("role", "role.unknown", "role must be full, write or read, was '" + role + "'");
        }
        errors.throwIfAny();
        String secret = newSecret();
        ApiToken t = ctx.store().transaction(tx -> {
            Optional<ApiToken> added = tx.tokens().add(name, r.get(), secret);
            if (added.isEmpty()) {
                throw new ValidationException(new io.lodestar.engine.validate.ValidationError("name", "name.exists",
                        "name: a token named '" + name + "' already exists"));
            }
            Audit.record(tx, actor, "token.create", name, null, java.util.Map.of("name", name, "role", r.get().wire()));
            return added.get();
        });
        return new Issued(t, secret);
    }

    public void delete(String actor, String name) throws NotFound {
        try {
            Changes.run(ctx, tx -> {
                ApiToken t = tx.tokens().byName(name).orElseThrow(() -> Changes.notFound(new NotFound("no token '" + name + "'")));
                tx.tokens().delete(t.id());
                Audit.record(tx, actor, "token.delete", name, java.util.Map.of("name", name, "role", t.role().wire()), null);
                return null;
            });
        } catch (ValidationException e) {
            throw new IllegalStateException(e);
        }
    }
}

package io.lodestar.engine.api;

/**
 * What a handler returns: a status and a body that is JSON-serialised (a DTO, a Jackson tree, or
 * null for the seed's {@code null} answers), or raw text with its content type (metrics).
 */
public record Response(int status, Object json, String text, String contentType) {

    public static Response ok(Object json) {
        return new Response(200, json, null, "application/json; charset=utf-8");
    }

    /** The seed's write calls answer 200 with a JSON {@code null}. */
    public static Response okNull() {
        return new Response(200, null, null, "application/json; charset=utf-8");
    }

    public static Response text(String text, String contentType) {
        return new Response(200, null, text, contentType);
    }
}

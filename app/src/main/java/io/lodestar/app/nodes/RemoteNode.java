package io.lodestar.app.nodes;

import java.util.Objects;

/** A node the console may manage: its API's URL and the token to use there. */
public record RemoteNode(String url, String token) {

    public RemoteNode {
        Objects.requireNonNull(url, "url");
        Objects.requireNonNull(token, "token");
    }
}

package io.lodestar.app.nodes;

/**
 * What the console last learnt of a remote node: online, its name, version and site (GET
 * /v1/nodes), the token's role there (GET /v1/whoami), or why it could not be asked.
 */
public record RemoteStatus(RemoteNode node, boolean online, String name, String version, String site, String role,
                           String problem) {

    static RemoteStatus unchecked(RemoteNode n) {
        return new RemoteStatus(n, false, "", "", "", "", "");
    }
}

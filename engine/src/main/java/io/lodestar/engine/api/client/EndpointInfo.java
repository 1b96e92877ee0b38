package io.lodestar.engine.api.client;

/**
 * An endpoint row of {@code /v1/endpoints}: what the console reads and writes. {@code status}
 * ({@code ok}/{@code fail}/{@code unknown}) is the node's and is ignored on writes.
 */
public record EndpointInfo(String domain, String endpoint, String type, String area, String isp, String tag,
                           int weight, boolean enable, boolean evalHealth, String status) {

    /** A new row as the user typed it, status unknown until the node says otherwise. */
    public static EndpointInfo of(String domain, String endpoint, String type, String area, String isp, String tag,
                                  int weight, boolean enable, boolean evalHealth) {
        return new EndpointInfo(domain, endpoint, type, area, isp, tag, weight, enable, evalHealth, "unknown");
    }
}

package io.lodestar.engine.api.client;

/**
 * A domain's monitor (CONTRACT §5). Read back, an unconfigured domain carries the seed's
 * recommended defaults with {@code configured} false.
 */
public record MonitorSettings(String protocol, int port, String path, String host, String expectCodes, int timeout,
                              int interval, int threshold, int window, int minFailures, String method,
                              String bodyContains, boolean verifyTls, boolean configured) {
}

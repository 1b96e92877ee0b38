package io.lodestar.engine.api.client;

/**
 * The node's SMTP server for alert mail ({@code PUT /v1/settings/mail}, role full): {@code security}
 * {@code none}, {@code starttls} or {@code ssl}; {@code user} and {@code password} empty for no login.
 */
public record MailServerInfo(String host, int port, String security, String from, String user, String password) {
}

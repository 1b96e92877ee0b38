package io.lodestar.engine.api.client;

/** One alert delivery the node sent recently (newest first in {@link NodeClient#recentAlerts()}). */
public record AlertInfo(String time, String contact, String kind, String title, String channel, boolean ok) {
}

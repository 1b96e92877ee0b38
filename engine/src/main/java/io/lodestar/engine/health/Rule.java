package io.lodestar.engine.health;

import io.lodestar.engine.model.Monitor;

/**
 * The seed's verdict rule (监控配置): a monitor point sees an endpoint failing when at least
 * {@code minFailures} of its last {@code window} results failed; the endpoint is {@code fail} when
 * more than {@code threshold} % of the points that have judged it see it failing.
 */
public record Rule(int window, int minFailures, int threshold) {

    public Rule {
        if (window < 1 || window > 100) {
            throw new IllegalArgumentException("window must be 1–100, was " + window);
        }
        if (minFailures < 1 || minFailures > window) {
            throw new IllegalArgumentException("minFailures must be 1–window, was " + minFailures);
        }
        if (threshold < 0 || threshold > 100) {
            throw new IllegalArgumentException("threshold must be 0–100, was " + threshold);
        }
    }

    public static Rule of(Monitor m) {
        return new Rule(m.window(), Math.min(m.minFailures(), m.window()), m.threshold());
    }
}

package io.lodestar.engine.api.client;

import java.util.List;
import java.util.OptionalDouble;
import java.util.OptionalInt;
import java.util.OptionalLong;

/**
 * A domain's traffic operations as the management API shows them (docs/traffic.md): the pool
 * policy, multi-CDN providers, switch control, the gray migration, the failover drill and the expected failover time.
 */
public final class Traffic {

    private Traffic() {
    }

    /**
     * The pool / all-down / TTL policy ({@code GET …/traffic}).
     *
     * @param allDown {@code failOpen}, {@code fallback} or {@code servfail}
     * @param downTtl 0 = off
     * @param pools   the pools' names, tiers first, the fallback pool last
     * @param json    the document as the node answered it
     */
    public record Policy(String allDown, int downTtl, List<String> pools, String json) {
        public Policy {
            pools = List.copyOf(pools);
        }
    }

    /**
     * A domain's multi-CDN providers policy (EdgeOne; {@code GET/PUT …/providers}): providers are
     * endpoints of the domain, rules send users by region to providers by weight, the default
     * provider takes everyone else; disabled, everyone goes to the default provider.
     */
    public record Providers(boolean enable, String defaultProvider, List<Provider> providers, List<RegionRule> rules) {
        public Providers {
            providers = List.copyOf(providers);
            rules = List.copyOf(rules);
        }
    }

    /** A provider: its name and the endpoint (a CDN's or the origin's CNAME, or an address) it answers with. */
    public record Provider(String name, String endpoint) {
    }

    /** The users of {@code usersets} (CONTRACT §2 terms, e.g. {@code guangdong.CN/cm}) go to the targets by weight. */
    public record RegionRule(String usersets, List<Target> targets) {
        public RegionRule {
            targets = List.copyOf(targets);
        }
    }

    /** A provider a rule sends users to, with its relative weight. */
    public record Target(String provider, int weight) {
    }

    /** Switch control: {@code paused} freezes answers; {@code by} and {@code at} say who and when (empty when running). */
    public record Switching(boolean paused, String by, String at) {
    }

    /**
     * A gray migration from {@code from} to {@code to}.
     *
     * @param status       {@code running}, {@code paused}, {@code done} or {@code rolledBack}
     * @param step         index into {@code steps} of the step in force
     * @param percent      the share of the user group sent to {@code to} now
     * @param lastGoodStep the last step that held, -1 if none
     */
    public record Ramp(String from, String to, String usersets, List<Integer> steps, int holdSeconds, int maxLatencyMs,
                       String status, int step, int percent, int lastGoodStep, String stepSince, List<RampEvent> timeline) {
        public Ramp {
            steps = List.copyOf(steps);
            timeline = List.copyOf(timeline);
        }
    }

    /** One entry of a ramp's timeline: {@code started}, {@code advanced}, {@code paused}, {@code rolledBack}, … */
    public record RampEvent(String at, String event, int step, int percent, String detail) {
    }

    /** A new gray migration ({@code PUT …/ramp}); {@code usersets} empty = everyone, {@code maxLatencyMs} 0 = no bound. */
    public record RampInput(String from, String to, String usersets, List<Integer> steps, int holdSeconds, int maxLatencyMs) {
        public RampInput {
            steps = List.copyOf(steps);
        }
    }

    /**
     * A drill plan and its last run.
     *
     * @param mode       {@code force} or {@code watch}
     * @param forced     the endpoints the running drill forces down (empty when not executed or rolled back)
     * @param measuredMs the failover the last execution measured, empty until one did
     */
    public record Drill(String mode, List<String> endpoints, List<String> pools, boolean executed, List<String> forced,
                        String executedAt, String executedBy, String rolledBackAt, String rolledBackBy, OptionalLong measuredMs) {
        public Drill {
            endpoints = List.copyOf(endpoints);
            pools = List.copyOf(pools);
            forced = List.copyOf(forced);
        }
    }

    /**
     * The expected failover time of the domain's monitor: {@code (interval + timeout) × minFailures + ttl}
     * seconds (empty without a monitor), and the last drill's measured time plus the TTL.
     */
    public record FailoverTime(String domain, int ttl, int interval, int timeout, int minFailures,
                               OptionalInt expectedSeconds, OptionalLong drillMeasuredMs, OptionalDouble drillMeasuredSeconds) {
    }
}

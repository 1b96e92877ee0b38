package io.lodestar.engine.api.client;

import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * A node's management API as typed calls: what the console's screens need, no more. Every call
 * blocks; callers keep it off the UI thread. A refusal or an unreachable node is a
 * {@link NodeClientException} carrying the API's status, code, message and the field it names.
 */
public interface NodeClient {

    /** Where this client talks to, e.g. {@code http://127.0.0.1:8053}. */
    String baseUrl();

    Identity whoami();

    List<NodeInfo> nodes();

    /** Makes the node at {@code url} a member of this one, with a {@code full} token that node issued. */
    NodeInfo addNode(String url, String token);

    /** The member stops being one (it keeps serving its last configuration). */
    void removeNode(String id);

    /** Pushes the current snapshot to a member again now (after a failed push). */
    void retryPush(String id);

    // domains
    List<DomainInfo> domains();

    void createDomain(String domain, boolean itmDomain);

    void deleteDomain(String domain);

    /** {@code start}, {@code stop} or {@code pause}; answers the domain as it now is. */
    DomainInfo setStatus(String domain, String status);

    // endpoints
    List<EndpointInfo> endpoints(String domain);

    void addEndpoints(List<EndpointInfo> rows);

    void modifyEndpoints(List<EndpointInfo> rows);

    /** Refused (409) while the domain's strategy uses one of them. */
    void deleteEndpoints(List<EndpointInfo> rows);

    /** Deletes, removes them from the strategy and regenerates it (the seed's second way). */
    void deleteEndpointsRegeneratingStrategy(List<EndpointInfo> rows);

    // monitors and health
    MonitorSettings monitor(String domain);

    MonitorSettings putMonitor(String domain, MonitorSettings settings);

    List<EndpointHealth> health(String domain);

    /** Probes every endpoint of the domain now from each monitor point; verdicts are not fed. */
    List<ProbeOutcome> probeNow(String domain);

    // strategy and schedule results
    StrategyDoc strategy(String domain);

    void recommendStrategy(String domain);

    Distribution distribution(String domain);

    /** Answers given per endpoint of {@code domain} since the node started, from its {@code /metrics}. */
    Map<String, Long> answerCounts(String domain);

    /** Publishes a strategy document (the seed's JSON of one domain) through {@code update-or-create}. */
    void publishStrategy(String domain, String documentJson);

    /** The recommended strategy as a draft; nothing is published. */
    StrategyDoc recommendedStrategy(String domain);

    /**
     * The tree the domain is answered by ({@code GET …/strategy/effective}): what its multi-CDN
     * providers or address pools compile to when they replace the stored strategy, else the stored one.
     */
    EffectiveStrategy effectiveStrategy(String domain);

    /** Published versions, newest first. */
    List<StrategyVersion> strategyVersions(String domain);

    StrategyDoc strategyVersion(String domain, long version);

    /** Publishes an older version again; answers the new version's number. */
    long rollbackStrategy(String domain, long version);

    /** What a user group or client gets, with the path through the tree, live or what-if. */
    Simulation simulate(String domain, Simulation.Request request);

    /** The results in force from {@code from} to {@code to}: the one at {@code from}, then each change. */
    DistributionHistory distributionHistory(String domain, java.time.Instant from, java.time.Instant to);

    // traffic operations (docs/traffic.md)
    /** The pool / all-down / TTL policy; the defaults (no pools, fail open) when none was put. */
    Traffic.Policy trafficPolicy(String domain);

    /** Replaces the pool policy with a JSON document in the API's shape; answers it as stored. */
    Traffic.Policy putTrafficPolicy(String domain, String documentJson);

    /** The domain's multi-CDN providers policy, empty when it has none. */
    Optional<Traffic.Providers> providers(String domain);

    /**
     * Creates or replaces the providers policy (its {@code enable} is kept: see {@link #enableProviders});
     * a provider still in use (the default, a rule's target) cannot be left out.
     */
    Traffic.Providers putProviders(String domain, Traffic.Providers providers);

    /** Enables the providers policy, or disables it (every user to the default provider). */
    Traffic.Providers enableProviders(String domain, boolean enable);

    /** Deletes the providers policy; refused while it is enabled (EdgeOne's rule). */
    void deleteProviders(String domain);

    Traffic.Switching switching(String domain);

    /** Pauses (freezes answers as they are, recording who and when) or resumes switching. */
    Traffic.Switching setSwitching(String domain, boolean paused);

    /** The domain's gray migration, empty when it has none. */
    Optional<Traffic.Ramp> ramp(String domain);

    /** Starts a gray migration at its first step; refused while another runs or is paused. */
    Traffic.Ramp startRamp(String domain, Traffic.RampInput input);

    /** Holds the share in force ({@code true}) or runs again ({@code false}; a rolled-back ramp retries its failed step). */
    Traffic.Ramp pauseRamp(String domain, boolean pause);

    /** The drill plan and its last run, empty when none was planned. */
    Optional<Traffic.Drill> drill(String domain);

    /** Plans a drill on endpoints and pools; {@code mode} {@code force} or {@code watch}. */
    Traffic.Drill planDrill(String domain, List<String> endpoints, List<String> pools, String mode);

    Traffic.Drill executeDrill(String domain);

    /** Removes the drill's forced state: answers are exactly as before. */
    Traffic.Drill rollbackDrill(String domain);

    /** The expected failover time of the domain's monitor and the last drill's measured one. */
    Traffic.FailoverTime failoverTime(String domain);

    // contacts
    List<ContactInfo> contacts();

    ContactInfo putContact(ContactInfo contact);

    void deleteContact(String name);

    List<ContactGroupInfo> contactGroups();

    ContactGroupInfo putContactGroup(ContactGroupInfo group);

    void deleteContactGroup(String name);

    /** Sends a test alert to every channel of the contact now; how each channel took it. */
    List<DeliveryInfo> sendTest(String contact);

    /** The contact test for every member of the group. */
    List<DeliveryInfo> sendGroupTest(String group);

    /** Which contact groups hear which events of the domain: group → event kinds. */
    Map<String, List<String>> notifications(String domain);

    /** Replaces the domain's notification settings (group → {@code endpoint_down}, {@code endpoint_up}, {@code all_down}, {@code published}). */
    void putNotifications(String domain, Map<String, List<String>> kindsByGroup);

    /** The node's SMTP server for alert mail without its password, empty when mail is off (role full). */
    Optional<MailServerInfo> mailServer();

    /** Replaces the node's SMTP server for alert mail (role full); an empty host turns mail off. */
    void putMailServer(MailServerInfo server);

    /** Recent alert deliveries, newest first. */
    List<AlertInfo> recentAlerts();

    default Optional<AlertInfo> latestAlert() {
        List<AlertInfo> a = recentAlerts();
        return a.isEmpty() ? Optional.empty() : Optional.of(a.get(0));
    }

    // access
    List<TokenInfo> tokens();

    /** Creates a token; the answer's {@code secret} is shown once and never again. */
    TokenInfo createToken(String name, String role);

    void deleteToken(String name);

    /** The audit log, newest first; {@code target} empty for every target. */
    List<AuditRecord> audit(Optional<String> target, int offset, int limit);

    /** The audit entries matching {@code filter}, newest first. */
    List<AuditRecord> audit(AuditFilter filter, int offset, int limit);
}

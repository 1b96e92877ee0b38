package io.lodestar.engine.api.client;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * {@link NodeClient} over the management API: {@code java.net.http} with a bearer token, JSON by
 * Jackson, mapped field by field in {@link WireMapping} (never domain records on the wire).
 */
public final class HttpNodeClient implements NodeClient {

    private static final Duration TIMEOUT = Duration.ofSeconds(40);

    private final String baseUrl;
    private final String token;
    private final HttpClient http;
    private final ObjectMapper json = new ObjectMapper();

    public HttpNodeClient(String baseUrl, String token) {
        this.baseUrl = baseUrl.endsWith("/") ? baseUrl.substring(0, baseUrl.length() - 1) : baseUrl;
        this.token = token;
        this.http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    }

    @Override
    public String baseUrl() {
        return baseUrl;
    }

    @Override
    public Identity whoami() {
        JsonNode n = call("GET", "/v1/whoami", null);
        return new Identity(n.path("name").asText(), n.path("role").asText());
    }

    @Override
    public List<NodeInfo> nodes() {
        return WireMapping.list(call("GET", "/v1/nodes", null), WireMapping::node);
    }

    @Override
    public NodeInfo addNode(String url, String token) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("url", url);
        m.put("token", token);
        return WireMapping.node(call("POST", "/v1/nodes", m));
    }

    @Override
    public void removeNode(String id) {
        call("DELETE", "/v1/nodes/" + seg(id), null);
    }

    @Override
    public void retryPush(String id) {
        call("POST", "/v1/nodes/" + seg(id) + "/push", null);
    }

    @Override
    public List<DomainInfo> domains() {
        return WireMapping.list(call("GET", "/v1/domains", null), WireMapping::domain);
    }

    @Override
    public void createDomain(String domain, boolean itmDomain) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("domain", domain);
        m.put("isItmDomain", itmDomain);
        call("POST", "/v1/domains", List.of(m));
    }

    @Override
    public void deleteDomain(String domain) {
        call("DELETE", "/v1/domains", List.of(domain));
    }

    @Override
    public DomainInfo setStatus(String domain, String status) {
        return WireMapping.domain(call("PUT", "/v1/domains/" + seg(domain) + "/status", Map.of("status", status)));
    }

    @Override
    public List<EndpointInfo> endpoints(String domain) {
        return WireMapping.list(call("GET", "/v1/endpoints?domain=" + URLEncoder.encode(domain, StandardCharsets.UTF_8), null),
                WireMapping::endpoint);
    }

    @Override
    public void addEndpoints(List<EndpointInfo> rows) {
        call("POST", "/v1/endpoints", WireMapping.endpointRows(rows));
    }

    @Override
    public void modifyEndpoints(List<EndpointInfo> rows) {
        call("PUT", "/v1/endpoints", WireMapping.endpointRows(rows));
    }

    @Override
    public void deleteEndpoints(List<EndpointInfo> rows) {
        call("DELETE", "/v1/endpoints", WireMapping.endpointRows(rows));
    }

    @Override
    public void deleteEndpointsRegeneratingStrategy(List<EndpointInfo> rows) {
        call("DELETE", "/v1/endpoints/del-with-regen-strategy", WireMapping.endpointRows(rows));
    }

    @Override
    public MonitorSettings monitor(String domain) {
        return WireMapping.monitor(call("GET", "/v1/domains/" + seg(domain) + "/monitor", null));
    }

    @Override
    public MonitorSettings putMonitor(String domain, MonitorSettings s) {
        return WireMapping.monitor(call("PUT", "/v1/domains/" + seg(domain) + "/monitor", WireMapping.monitorBody(s)));
    }

    @Override
    public List<EndpointHealth> health(String domain) {
        return WireMapping.list(call("GET", "/v1/domains/" + seg(domain) + "/health", null), WireMapping::health);
    }

    @Override
    public List<ProbeOutcome> probeNow(String domain) {
        JsonNode n = call("POST", "/v1/domains/" + seg(domain) + "/probe", null);
        List<ProbeOutcome> out = new ArrayList<>();
        n.fields().forEachRemaining(e -> out.add(new ProbeOutcome(e.getKey(), WireMapping.points(e.getValue()))));
        return out;
    }

    @Override
    public StrategyDoc strategy(String domain) {
        JsonNode n = call("GET", "/v1/domains/" + seg(domain) + "/strategy", null);
        return new StrategyDoc(domain, n.path("status").asText(""), n.path("strategy").path("rules").size(), n.toString());
    }

    @Override
    public void recommendStrategy(String domain) {
        call("POST", "/v1/domains/" + seg(domain) + "/recommend-strategy", null);
    }

    @Override
    public Distribution distribution(String domain) {
        return WireMapping.distribution(call("GET", "/v1/domains/" + seg(domain) + "/distribution", null));
    }

    @Override
    public void publishStrategy(String domain, String documentJson) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put(domain, tree(documentJson));
        call("POST", "/v1/strategys/update-or-create", body);
    }

    @Override
    public StrategyDoc recommendedStrategy(String domain) {
        return doc(domain, call("GET", "/v1/domains/" + seg(domain) + "/recommended-strategy", null));
    }

    @Override
    public List<StrategyVersion> strategyVersions(String domain) {
        return WireMapping.list(call("GET", "/v1/domains/" + seg(domain) + "/strategy/versions", null),
                n -> new StrategyVersion(n.path("version").asLong(), n.path("publishedAt").asText(""),
                        n.path("actor").asText(""), n.path("note").asText("")));
    }

    @Override
    public EffectiveStrategy effectiveStrategy(String domain) {
        JsonNode n = call("GET", "/v1/domains/" + seg(domain) + "/strategy/effective", null);
        String source = n.path("source").asText("strategy");
        com.fasterxml.jackson.databind.node.ObjectNode doc = ((com.fasterxml.jackson.databind.node.ObjectNode) n).deepCopy();
        doc.remove("source"); // the rest is the seed's strategy document
        return new EffectiveStrategy(source, new StrategyDoc(domain, n.path("status").asText(""),
                n.path("strategy").path("rules").size(), doc.toString()));
    }

    @Override
    public StrategyDoc strategyVersion(String domain, long version) {
        return doc(domain, call("GET", "/v1/domains/" + seg(domain) + "/strategy/versions/" + version, null));
    }

    @Override
    public long rollbackStrategy(String domain, long version) {
        return call("POST", "/v1/domains/" + seg(domain) + "/strategy/versions/" + version + "/rollback", null)
                .path("version").asLong();
    }

    @Override
    public Simulation simulate(String domain, Simulation.Request r) {
        Map<String, Object> body = new LinkedHashMap<>();
        if (r.ip() != null && !r.ip().isBlank()) {
            body.put("ip", r.ip());
        } else {
            body.put("area", r.area());
            body.put("isp", r.isp());
        }
        if (!r.failed().isEmpty()) {
            body.put("failed", r.failed());
        }
        r.draftJson().ifPresent(d -> body.put("draft", tree(d)));
        if (r.all()) {
            body.put("all", true);
        }
        return WireMapping.simulation(call("POST", "/v1/domains/" + seg(domain) + "/simulate", body));
    }

    private static StrategyDoc doc(String domain, JsonNode n) {
        return new StrategyDoc(domain, n.path("status").asText(""), n.path("strategy").path("rules").size(), n.toString());
    }

    private JsonNode tree(String text) {
        try {
            return json.readTree(text);
        } catch (IOException e) {
            throw new NodeClientException(400, "MalformedJson", "document: " + e.getMessage(), e);
        }
    }

    @Override
    public DistributionHistory distributionHistory(String domain, java.time.Instant from, java.time.Instant to) {
        JsonNode n = call("GET", "/v1/domains/" + seg(domain) + "/distribution/history?from=" + from.toEpochMilli()
                + "&to=" + to.toEpochMilli(), null);
        return WireMapping.history(n, from, to);
    }

    @Override
    public Traffic.Policy trafficPolicy(String domain) {
        return TrafficWire.policy(call("GET", traffic(domain, "/traffic"), null));
    }

    @Override
    public Traffic.Policy putTrafficPolicy(String domain, String documentJson) {
        return TrafficWire.policy(call("PUT", traffic(domain, "/traffic"), tree(documentJson)));
    }

    @Override
    public Optional<Traffic.Providers> providers(String domain) {
        return absentOn404(() -> TrafficWire.providers(call("GET", traffic(domain, "/providers"), null)));
    }

    @Override
    public Traffic.Providers putProviders(String domain, Traffic.Providers providers) {
        return TrafficWire.providers(call("PUT", traffic(domain, "/providers"), TrafficWire.providersBody(providers)));
    }

    @Override
    public Traffic.Providers enableProviders(String domain, boolean enable) {
        return TrafficWire.providers(call("PUT", traffic(domain, "/providers/status"), Map.of("enable", enable)));
    }

    @Override
    public void deleteProviders(String domain) {
        call("DELETE", traffic(domain, "/providers"), null);
    }

    @Override
    public Traffic.Switching switching(String domain) {
        return TrafficWire.switching(call("GET", traffic(domain, "/switching"), null));
    }

    @Override
    public Traffic.Switching setSwitching(String domain, boolean paused) {
        return TrafficWire.switching(call("PUT", traffic(domain, "/switching"), Map.of("paused", paused)));
    }

    @Override
    public Optional<Traffic.Ramp> ramp(String domain) {
        return absentOn404(() -> TrafficWire.ramp(call("GET", traffic(domain, "/ramp"), null)));
    }

    @Override
    public Traffic.Ramp startRamp(String domain, Traffic.RampInput in) {
        Map<String, Object> b = new LinkedHashMap<>();
        b.put("from", in.from());
        b.put("to", in.to());
        b.put("usersets", in.usersets());
        b.put("steps", in.steps());
        b.put("holdSeconds", in.holdSeconds());
        b.put("maxLatencyMs", in.maxLatencyMs());
        return TrafficWire.ramp(call("PUT", traffic(domain, "/ramp"), b));
    }

    @Override
    public Traffic.Ramp pauseRamp(String domain, boolean pause) {
        return TrafficWire.ramp(call("POST", traffic(domain, pause ? "/ramp/pause" : "/ramp/resume"), null));
    }

    @Override
    public Optional<Traffic.Drill> drill(String domain) {
        return absentOn404(() -> TrafficWire.drill(call("GET", traffic(domain, "/drill"), null)));
    }

    @Override
    public Traffic.Drill planDrill(String domain, List<String> endpoints, List<String> pools, String mode) {
        Map<String, Object> b = new LinkedHashMap<>();
        b.put("endpoints", endpoints);
        b.put("pools", pools);
        b.put("mode", mode);
        return TrafficWire.drill(call("PUT", traffic(domain, "/drill"), b));
    }

    @Override
    public Traffic.Drill executeDrill(String domain) {
        return TrafficWire.drill(call("POST", traffic(domain, "/drill/execute"), null));
    }

    @Override
    public Traffic.Drill rollbackDrill(String domain) {
        return TrafficWire.drill(call("POST", traffic(domain, "/drill/rollback"), null));
    }

    @Override
    public Traffic.FailoverTime failoverTime(String domain) {
        return TrafficWire.failoverTime(call("GET", traffic(domain, "/failover-time"), null));
    }

    private static String traffic(String domain, String suffix) {
        return "/v1/domains/" + seg(domain) + suffix;
    }

    /** A 404 of an existing domain's optional document is "none"; an unknown domain is refused as usual. */
    private <T> Optional<T> absentOn404(java.util.function.Supplier<T> read) {
        try {
            return Optional.of(read.get());
        } catch (NodeClientException e) {
            if (e.status() == 404 && e.getMessage().contains("has no")) {
                return Optional.empty();
            }
            throw e;
        }
    }

    @Override
    public List<ContactInfo> contacts() {
        return WireMapping.list(call("GET", "/v1/contacts", null), WireMapping::contact);
    }

    @Override
    public ContactInfo putContact(ContactInfo c) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("name", c.name());
        m.put("email", c.email().isEmpty() ? null : c.email());
        m.put("phone", c.phone().isEmpty() ? null : c.phone());
        m.put("webhook", c.webhook().isEmpty() ? null : c.webhook());
        return WireMapping.contact(call("POST", "/v1/contacts", m));
    }

    @Override
    public void deleteContact(String name) {
        call("DELETE", "/v1/contacts/" + seg(name), null);
    }

    @Override
    public List<ContactGroupInfo> contactGroups() {
        return WireMapping.list(call("GET", "/v1/contact-groups", null), WireMapping::group);
    }

    @Override
    public ContactGroupInfo putContactGroup(ContactGroupInfo g) {
        return WireMapping.group(call("POST", "/v1/contact-groups", Map.of("name", g.name(), "members", g.members())));
    }

    @Override
    public void deleteContactGroup(String name) {
        call("DELETE", "/v1/contact-groups/" + seg(name), null);
    }

    @Override
    public List<DeliveryInfo> sendTest(String contact) {
        return WireMapping.list(call("POST", "/v1/contacts/" + seg(contact) + "/test", null).path("channels"),
                n -> WireMapping.delivery(n, contact));
    }

    @Override
    public List<DeliveryInfo> sendGroupTest(String group) {
        return WireMapping.list(call("POST", "/v1/contact-groups/" + seg(group) + "/test", null).path("channels"),
                n -> WireMapping.delivery(n, ""));
    }

    @Override
    public Map<String, List<String>> notifications(String domain) {
        Map<String, List<String>> out = new LinkedHashMap<>();
        call("GET", "/v1/domains/" + seg(domain) + "/notifications", null).fields()
                .forEachRemaining(e -> out.put(e.getKey(), WireMapping.list(e.getValue(), JsonNode::asText)));
        return out;
    }

    @Override
    public void putNotifications(String domain, Map<String, List<String>> kindsByGroup) {
        call("PUT", "/v1/domains/" + seg(domain) + "/notifications", kindsByGroup);
    }

    @Override
    public Optional<MailServerInfo> mailServer() {
        JsonNode n = call("GET", "/v1/settings/mail", null);
        if (n.isNull() || n.isMissingNode() || !n.has("host")) {
            return Optional.empty();
        }
        return Optional.of(new MailServerInfo(n.path("host").asText(), n.path("port").asInt(25), n.path("security").asText("none"),
                n.path("from").asText(""), n.path("user").asText(""), ""));
    }

    @Override
    public void putMailServer(MailServerInfo m) {
        Map<String, Object> b = new LinkedHashMap<>();
        b.put("host", m.host());
        b.put("port", m.port());
        b.put("security", m.security());
        b.put("from", m.from());
        b.put("user", m.user().isEmpty() ? null : m.user());
        b.put("password", m.password().isEmpty() ? null : m.password());
        call("PUT", "/v1/settings/mail", b);
    }

    @Override
    public List<AlertInfo> recentAlerts() {
        List<AlertInfo> out = WireMapping.list(call("GET", "/v1/alerts", null).path("recentDeliveries"), WireMapping::alert);
        out.sort((a, b) -> b.time().compareTo(a.time()));
        return out;
    }

    @Override
    public List<TokenInfo> tokens() {
        return WireMapping.list(call("GET", "/v1/tokens", null), WireMapping::token);
    }

    @Override
    public TokenInfo createToken(String name, String role) {
        return WireMapping.token(call("POST", "/v1/tokens", Map.of("name", name, "role", role)));
    }

    @Override
    public void deleteToken(String name) {
        call("DELETE", "/v1/tokens/" + seg(name), null);
    }

    @Override
    public List<AuditRecord> audit(Optional<String> target, int offset, int limit) {
        String q = "?offset=" + offset + "&limit=" + limit
                + target.map(t -> "&target=" + URLEncoder.encode(t, StandardCharsets.UTF_8)).orElse("");
        return WireMapping.list(call("GET", "/v1/audit" + q, null), WireMapping::audit);
    }

    @Override
    public List<AuditRecord> audit(AuditFilter f, int offset, int limit) {
        StringBuilder q = new StringBuilder("?offset=" + offset + "&limit=" + limit);
        Map<String, String> params = new LinkedHashMap<>();
        params.put("domain", f.domain());
        params.put("actor", f.actor());
        params.put("action", f.action());
        params.put("from", f.from());
        params.put("to", f.to());
        params.forEach((k, v) -> {
            if (!v.isBlank()) {
                q.append('&').append(k).append('=').append(URLEncoder.encode(v.strip(), StandardCharsets.UTF_8));
            }
        });
        return WireMapping.list(call("GET", "/v1/audit" + q, null), WireMapping::audit);
    }

    private static String seg(String s) {
        return URLEncoder.encode(s, StandardCharsets.UTF_8).replace("+", "%20");
    }

    @Override
    public Map<String, Long> answerCounts(String domain) {
        return MetricsText.answers(call("GET", "/metrics", null).asText(), domain);
    }

    /** One request; a non-2xx answer or an I/O failure becomes a {@link NodeClientException}. */
    private JsonNode call(String method, String path, Object body) {
        try {
            HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(baseUrl + path)).timeout(TIMEOUT)
                    .header("Authorization", "Bearer " + token)
                    .header("Accept", "application/json")
                    .method(method, body == null ? HttpRequest.BodyPublishers.noBody()
                            : HttpRequest.BodyPublishers.ofByteArray(json.writeValueAsBytes(body)));
            if (body != null) {
                b.header("Content-Type", "application/json; charset=utf-8");
            }
            HttpResponse<byte[]> r = http.send(b.build(), HttpResponse.BodyHandlers.ofByteArray());
            JsonNode n = r.body().length == 0 ? json.nullNode() : parse(r.body());
            if (r.statusCode() / 100 != 2) {
                throw new NodeClientException(r.statusCode(), n.path("code").asText("HTTP" + r.statusCode()),
                        n.path("message").asText(new String(r.body(), StandardCharsets.UTF_8)));
            }
            return n;
        } catch (IOException e) {
            throw new NodeClientException(0, "Unreachable", baseUrl + " did not answer: "
                    + (e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage()), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new NodeClientException(0, "Interrupted", "interrupted while waiting for " + baseUrl, e);
        }
    }

    private JsonNode parse(byte[] body) {
        try {
            return json.readTree(body);
        } catch (IOException e) {
            return json.getNodeFactory().textNode(new String(body, StandardCharsets.UTF_8));
        }
    }
}

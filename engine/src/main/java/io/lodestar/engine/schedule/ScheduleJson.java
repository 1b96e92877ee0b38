package io.lodestar.engine.schedule;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.lodestar.engine.model.Family;
import java.util.ArrayList;
import java.util.List;

/**
 * The schedule result's JSON (API {@code GET /v1/domains/{domain}/distribution} and history rows).
 * Compact: groups with identical answers are not merged, but shares are rounded to 1e-6 so that
 * the text is stable and equal results give equal text (history compares text hashes).
 */
public final class ScheduleJson {

    private final ObjectMapper mapper = new ObjectMapper();

    public String write(ScheduleResult r) {
        ObjectNode root = mapper.createObjectNode();
        root.put("domain", r.domain());
        ArrayNode groups = root.putArray("groups");
        for (ScheduleResult.GroupShare g : r.groups()) {
            ObjectNode n = groups.addObject();
            n.put("area", g.area());
            n.put("isp", g.isp());
            if (!g.cidr().isEmpty()) {
                n.put("cidr", g.cidr());
            }
            n.put("family", g.family() == Family.V4 ? "A" : "AAAA");
            if (g.failOpen()) {
                n.put("failOpen", true);
            }
            ArrayNode shares = n.putArray("shares");
            for (ScheduleResult.Share s : g.shares()) {
                shares.addObject().put("endpoint", s.endpoint()).put("share", Math.round(s.share() * 1e6) / 1e6);
            }
        }
        try {
            return mapper.writeValueAsString(root);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    public ScheduleResult read(String json) {
        try {
            JsonNode root = mapper.readTree(json);
            List<ScheduleResult.GroupShare> groups = new ArrayList<>();
            for (JsonNode n : root.path("groups")) {
                List<ScheduleResult.Share> shares = new ArrayList<>();
                for (JsonNode s : n.path("shares")) {
                    shares.add(new ScheduleResult.Share(s.path("endpoint").asText(), s.path("share").asDouble()));
                }
                groups.add(new ScheduleResult.GroupShare(n.path("area").asText(), n.path("isp").asText(),
                        n.path("cidr").asText(""), "AAAA".equals(n.path("family").asText()) ? Family.V6 : Family.V4,
                        shares, n.path("failOpen").asBoolean(false)));
            }
            return new ScheduleResult(root.path("domain").asText(), groups);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("not a schedule result: " + e.getOriginalMessage(), e);
        }
    }
}

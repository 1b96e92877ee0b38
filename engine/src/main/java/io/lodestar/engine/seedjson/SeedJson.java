package io.lodestar.engine.seedjson;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;
import io.lodestar.engine.model.DomainStatus;
import io.lodestar.engine.model.Endpoint;
import io.lodestar.engine.model.EndpointType;
import io.lodestar.engine.model.EndpointValue;
import io.lodestar.engine.seedjson.SeedDtos.EndpointConfDto;
import io.lodestar.engine.seedjson.SeedDtos.ItemDto;
import io.lodestar.engine.seedjson.SeedDtos.RuleDto;
import io.lodestar.engine.seedjson.SeedDtos.StrategyDoc;
import io.lodestar.engine.seedjson.SeedDtos.StrategyDto;
import io.lodestar.engine.strategy.Item;
import io.lodestar.engine.strategy.Rule;
import io.lodestar.engine.strategy.RuleType;
import io.lodestar.engine.strategy.Strategy;
import io.lodestar.engine.strategy.UserSet;
import io.lodestar.engine.validate.Errors;
import io.lodestar.engine.validate.ValidationError;
import io.lodestar.engine.validate.ValidationException;
import io.lodestar.resources.region.Regions;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Import and export of the seed's strategy JSON ({@code start} / {@code rules} / {@code items} /
 * {@code endpointsConf}), including the comments the seed's examples carry. Parsing is strict:
 * unknown fields and wrong types are errors with the JSON path, never silently dropped.
 */
public final class SeedJson {

    private final Regions regions;
    private final ObjectMapper mapper;

    public SeedJson(Regions regions) {
        this.regions = regions;
        this.mapper = JsonMapper.builder()
                .enable(JsonParser.Feature.ALLOW_COMMENTS)
                .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
                .enable(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES)
                .disable(DeserializationFeature.ACCEPT_FLOAT_AS_INT)
                .enable(SerializationFeature.INDENT_OUTPUT)
                .build();
    }

    /** A domain's strategy document: what {@code GET /v1/domains/{domain}/strategy} returns. */
    public record Document(Optional<DomainStatus> status, Strategy strategy, List<Endpoint> endpointsConf) {
        public Document {
            endpointsConf = List.copyOf(endpointsConf);
        }
    }

    /** Reads one strategy document; endpoints in {@code endpointsConf} belong to {@code domain}. */
    public Document read(String json, String domain) throws ValidationException {
        StrategyDoc doc = parse(json, new TypeReference<StrategyDoc>() { }, "");
        Errors errors = new Errors();
        Document d = fromDto(doc, domain, "", errors);
        errors.throwIfAny();
        return d;
    }

    /** Reads the body of {@code POST /v1/strategys/update-or-create}: documents keyed by domain. */
    public Map<String, Document> readUpdateOrCreate(String json) throws ValidationException {
        Map<String, StrategyDoc> docs = parse(json, new TypeReference<LinkedHashMap<String, StrategyDoc>>() { }, "");
        if (docs == null || docs.isEmpty()) {
            throw new ValidationException(new ValidationError("", "body.empty", "body: expected an object keyed by domain"));
        }
        Errors errors = new Errors();
        Map<String, Document> out = new LinkedHashMap<>();
        docs.forEach((domain, doc) -> out.put(domain, fromDto(doc, domain, domain + ".", errors)));
        errors.throwIfAny();
        return out;
    }

    /** Writes one strategy document in the seed's shape. */
    public String write(Document d) {
        return writeDto(toDto(d));
    }

    /** Writes the update-or-create body for several domains. */
    public String writeUpdateOrCreate(Map<String, Document> docs) {
        Map<String, StrategyDoc> out = new LinkedHashMap<>();
        docs.forEach((k, v) -> out.put(k, toDto(new Document(Optional.empty(), v.strategy(), v.endpointsConf()))));
        return writeDto(out);
    }

    private String writeDto(Object dto) {
        try {
            return mapper.writeValueAsString(dto);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot write strategy JSON", e);
        }
    }

    private <T> T parse(String json, TypeReference<T> type, String prefix) throws ValidationException {
        try {
            return mapper.readValue(json, type);
        } catch (JsonMappingException e) {
            throw new ValidationException(new ValidationError(prefix + jsonPath(e), "json.mapping",
                    prefix + jsonPath(e) + ": " + e.getOriginalMessage()));
        } catch (JsonProcessingException e) {
            throw new ValidationException(new ValidationError("", "json.syntax",
                    "malformed JSON at line " + e.getLocation().getLineNr() + ", column "
                            + e.getLocation().getColumnNr() + ": " + e.getOriginalMessage()));
        }
    }

    /** Jackson's reference path as {@code strategy.rules[0].weight} ({@code body} at the top). */
    public static String jsonPath(JsonMappingException e) {
        StringBuilder sb = new StringBuilder();
        for (JsonMappingException.Reference r : e.getPath()) {
            if (r.getFieldName() != null) {
                sb.append(sb.length() == 0 ? "" : ".").append(r.getFieldName());
            } else if (r.getIndex() >= 0) {
                sb.append('[').append(r.getIndex()).append(']');
            }
        }
        return sb.length() == 0 ? "body" : sb.toString();
    }

    private Document fromDto(StrategyDoc doc, String domain, String prefix, Errors errors) {
        Optional<DomainStatus> status = Optional.empty();
        if (doc == null) {
            errors.add(prefix + "strategy", "strategy.missing", "a strategy document is required");
            return new Document(status, new Strategy("", List.of()), List.of());
        }
        if (doc.status() != null) {
            status = DomainStatus.fromWire(doc.status());
            if (status.isEmpty()) {
                errors.add(prefix + "status", "status.unknown",
                        "status must be \"\", start, stop or pause, was '" + doc.status() + "'");
            }
        }
        Strategy strategy = new Strategy("", List.of());
        if (doc.strategy() == null) {
            errors.add(prefix + "strategy", "strategy.missing", "the 'strategy' object is required");
        } else {
            strategy = strategyFromDto(doc.strategy(), prefix + "strategy", errors);
        }
        List<Endpoint> eps = new ArrayList<>();
        List<EndpointConfDto> confs = doc.endpointsConf() == null ? List.of() : doc.endpointsConf();
        for (int i = 0; i < confs.size(); i++) {
            endpointFromDto(confs.get(i), domain, prefix + "endpointsConf[" + i + "]", errors).ifPresent(eps::add);
        }
        return new Document(status, strategy, eps);
    }

    private Strategy strategyFromDto(StrategyDto s, String p, Errors errors) {
        if (s.start() == null || s.start().isBlank()) {
            errors.add(p + ".start", "start.missing", "the start rule's name is required");
        }
        List<Rule> rules = new ArrayList<>();
        List<RuleDto> dtos = s.rules() == null ? List.of() : s.rules();
        for (int i = 0; i < dtos.size(); i++) {
            RuleDto r = dtos.get(i);
            String rp = p + ".rules[" + i + "]";
            if (r == null) {
                errors.add(rp, "rule.null", "a rule cannot be null");
                continue;
            }
            Optional<RuleType> type = r.type() == null ? Optional.empty() : RuleType.fromWire(r.type());
            if (type.isEmpty()) {
                errors.add(rp + ".type", "type.unknown",
                        "type must be wrr, priority, geoProximity or userGroupMapping, was '" + r.type() + "'");
            }
            if (r.name() == null) {
                errors.add(rp + ".name", "name.missing", "a rule needs a name");
            }
            List<Item> items = new ArrayList<>();
            List<ItemDto> its = r.items() == null ? List.of() : r.items();
            for (int j = 0; j < its.size(); j++) {
                ItemDto it = its.get(j);
                String ip = rp + ".items[" + j + "]";
                if (it == null || it.reference() == null || it.reference().isBlank()) {
                    errors.add(ip + ".reference", "reference.missing", "an item needs a reference");
                    continue;
                }
                UserSet us = UserSet.parse(it.usersets(), regions, ip + ".usersets", errors);
                items.add(new Item(it.reference(), orZero(it.weight()), orZero(it.priority()), us));
            }
            rules.add(new Rule(r.name() == null ? "" : r.name(), type.orElse(RuleType.WRR),
                    r.area() == null ? "none.CN" : r.area(), r.isp() == null ? "other" : r.isp(),
                    r.enable() == null || r.enable(), items));
        }
        return new Strategy(s.start() == null ? "" : s.start(), rules);
    }

    private Optional<Endpoint> endpointFromDto(EndpointConfDto e, String domain, String p, Errors errors) {
        if (e == null) {
            errors.add(p, "endpoint.null", "an endpoint cannot be null");
            return Optional.empty();
        }
        Optional<EndpointType> type = Optional.empty();
        try {
            type = Optional.of(EndpointType.valueOf(e.type() == null ? "A" : e.type().toUpperCase()));
        } catch (IllegalArgumentException ex) {
            errors.add(p + ".type", "type.unknown", "type must be A, AAAA or CNAME, was '" + e.type() + "'");
        }
        Optional<EndpointValue> value = type.flatMap(t -> EndpointValue.parse(t, e.value()));
        if (type.isPresent() && value.isEmpty()) {
            errors.add(p + ".value", "value.invalid", "'" + e.value() + "' is not a valid " + type.get() + " value");
        }
        String area = e.area() == null ? "none.CN" : e.area();
        String isp = e.isp() == null ? "other" : e.isp();
        if (regions.area(area).isEmpty()) {
            errors.add(p + ".area", "area.unknown", "unknown area '" + area + "'");
        }
        if (regions.isp(isp).isEmpty()) {
            errors.add(p + ".isp", "isp.unknown", "unknown isp '" + isp + "'");
        }
        if (value.isEmpty()) {
            return Optional.empty();
        }
        return Optional.of(new Endpoint(domain, value.get(), area, isp, List.of(), Endpoint.DEFAULT_WEIGHT,
                e.enable() == null || e.enable(), e.evalHealth() == null || e.evalHealth()));
    }

    private static int orZero(Integer i) {
        return i == null ? 0 : i;
    }

    private StrategyDoc toDto(Document d) {
        List<RuleDto> rules = new ArrayList<>();
        for (Rule r : d.strategy().rules()) {
            List<ItemDto> items = new ArrayList<>();
            for (Item it : r.items()) {
                items.add(new ItemDto(it.reference(), it.weight(), it.priority(), it.usersets().text()));
            }
            rules.add(new RuleDto(r.type().wire(), r.area(), r.isp(), r.name(), r.enable(), items));
        }
        List<EndpointConfDto> eps = new ArrayList<>();
        for (Endpoint e : d.endpointsConf()) {
            eps.add(new EndpointConfDto(e.type().name(), e.key(), e.area(), e.isp(), e.evalHealth(), e.enable()));
        }
        return new StrategyDoc(d.status().map(DomainStatus::wire).orElse(null),
                new StrategyDto(d.strategy().start(), rules), eps);
    }
}

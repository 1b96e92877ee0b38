package io.lodestar.engine.seedjson;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import java.util.List;

/**
 * The seed API's strategy JSON, field for field (API参考: 查询域名的调度策略, 修改或更新调度策略).
 * Wire shapes only: {@link SeedJson} maps them to and from the model (never serialize the model).
 */
final class SeedDtos {

    private SeedDtos() {
    }

    @JsonInclude(JsonInclude.Include.NON_NULL)
    @JsonPropertyOrder({"status", "strategy", "endpointsConf"})
    record StrategyDoc(String status, StrategyDto strategy, List<EndpointConfDto> endpointsConf) {
    }

    @JsonPropertyOrder({"start", "rules"})
    record StrategyDto(String start, List<RuleDto> rules) {
    }

    @JsonPropertyOrder({"type", "area", "isp", "name", "enable", "items"})
    record RuleDto(String type, String area, String isp, String name, Boolean enable, List<ItemDto> items) {
    }

    @JsonPropertyOrder({"reference", "weight", "priority", "usersets"})
    record ItemDto(String reference, Integer weight, Integer priority, String usersets) {
    }

    @JsonPropertyOrder({"type", "value", "area", "isp", "evalHealth", "enable"})
    record EndpointConfDto(String type, String value, String area, String isp, Boolean evalHealth, Boolean enable) {
    }
}

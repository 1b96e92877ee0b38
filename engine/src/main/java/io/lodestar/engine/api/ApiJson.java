package io.lodestar.engine.api;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import java.io.IOException;

/**
 * Strict JSON for request bodies: unknown fields, wrong types and fractions where integers belong
 * are 400s naming the field; comments are allowed so the seed's annotated examples work verbatim.
 */
public final class ApiJson {

    private final ObjectMapper mapper = JsonMapper.builder()
            .enable(JsonParser.Feature.ALLOW_COMMENTS)
            .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .enable(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES)
            .disable(DeserializationFeature.ACCEPT_FLOAT_AS_INT)
            .build();

    public ObjectMapper mapper() {
        return mapper;
    }

    public <T> T read(byte[] body, TypeReference<T> type) throws ApiException {
        if (body.length == 0) {
            throw ApiException.badRequest("MissingBody", "body: a JSON request body is required");
        }
        com.fasterxml.jackson.databind.JsonNode tree;
        try {
            tree = mapper.readTree(body);
        } catch (JsonProcessingException e) {
            throw ApiException.badRequest("MalformedJson", "malformed JSON at line " + e.getLocation().getLineNr()
                    + ", column " + e.getLocation().getColumnNr() + ": " + e.getOriginalMessage());
        } catch (IOException e) {
            throw ApiException.badRequest("MalformedJson", "unreadable body: " + e.getMessage());
        }
        try {
            T value = mapper.readerFor(type).readValue(tree);
            if (value == null) {
                throw ApiException.badRequest("MissingBody", "body: JSON null is not a valid request body here");
            }
            return value;
        } catch (JsonMappingException e) {
            String path = path(e);
            throw ApiException.badRequest("InvalidParameter.json", path + ": " + e.getOriginalMessage());
        } catch (JsonProcessingException e) {
            throw ApiException.badRequest("MalformedJson", "malformed JSON at line " + e.getLocation().getLineNr()
                    + ", column " + e.getLocation().getColumnNr() + ": " + e.getOriginalMessage());
        } catch (IOException e) {
            throw ApiException.badRequest("MalformedJson", "unreadable body: " + e.getMessage());
        }
    }

    static String path(JsonMappingException e) {
        return io.lodestar.engine.seedjson.SeedJson.jsonPath(e);
    }
}

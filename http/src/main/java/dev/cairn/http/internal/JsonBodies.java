package dev.cairn.http.internal;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * Reads the bodies of the write endpoints: a JSON object with only the fields the endpoint takes,
 * each of its type. Anything else is a 400 that names the field, so that a misspelt
 * {@code "dryrun": true} never runs migrations for real. An empty body takes every default.
 */
final class JsonBodies {

    private static final String DRY_RUN = "dry_run";
    private static final String BATCH_SIZE = "batch_size";

    private JsonBodies() {
    }

    /** What a request to run migrations asks for. */
    record RunOptions(boolean dryRun, Integer batchSize) {
    }

    /** {@code {"dry_run": bool = false, "batch_size": int >= 1 | null}}, of execute and execute-all. */
    static RunOptions execute(byte[] body, String endpoint) {
        Map<String, JsonNode> fields = fields(body, endpoint, List.of(DRY_RUN, BATCH_SIZE));
        return new RunOptions(dryRun(fields), batchSize(fields));
    }

    /** {@code {"dry_run": bool = false}}, of rollback. */
    static boolean rollback(byte[] body, String endpoint) {
        return dryRun(fields(body, endpoint, List.of(DRY_RUN)));
    }

    /** An empty body or {@code {}}, of validate. */
    static void none(byte[] body, String endpoint) {
        fields(body, endpoint, List.of());
    }

    private static boolean dryRun(Map<String, JsonNode> fields) {
        JsonNode value = fields.get(DRY_RUN);
        if (value == null || value.isNull()) {
            return false;
        }
        if (!value.isBoolean()) {
            throw ApiException.badRequest("Field \"" + DRY_RUN + "\" must be true or false; got " + value + ".");
        }
        return value.booleanValue();
    }

    private static Integer batchSize(Map<String, JsonNode> fields) {
        JsonNode value = fields.get(BATCH_SIZE);
        if (value == null || value.isNull()) {
            return null;
        }
        if (!value.isIntegralNumber() || !value.canConvertToInt() || value.intValue() < 1) {
            throw ApiException.badRequest("Field \"" + BATCH_SIZE + "\" must be a whole number of rows of at least 1, or null for"
                    + " each data migration's own batch size; got " + value + ".");
        }
        return value.intValue();
    }

    private static String at(JsonLocation location) {
        return location == null ? "" : " (line " + location.getLineNr() + ", column " + location.getColumnNr() + ")";
    }

    private static Map<String, JsonNode> fields(byte[] body, String endpoint, List<String> accepted) {
        if (new String(body, StandardCharsets.UTF_8).isBlank()) {
            return Map.of();
        }
        JsonNode document;
        try (JsonParser parser = Json.MAPPER.createParser(body)) {
            document = Json.MAPPER.readTree(parser);
            if (parser.nextToken() != null) {
                throw ApiException.badRequest("The request body goes on after its JSON value" + at(parser.currentLocation())
                        + ": send one JSON object.");
            }
        } catch (JsonProcessingException e) {
            throw ApiException.badRequest("The request body is not valid JSON: " + e.getOriginalMessage() + at(e.getLocation()) + ".");
        } catch (IOException e) {
            throw ApiException.badRequest("The request body cannot be read: " + e.getMessage() + ".");
        }
        if (!document.isObject()) {
            throw ApiException.badRequest("The request body must be a JSON object, such as {}" + (accepted.isEmpty() ? ""
                    : " or {\"" + accepted.get(0) + "\": ...}") + "; got " + document.getNodeType().name().toLowerCase(Locale.ROOT) + ".");
        }
        for (Iterator<String> names = document.fieldNames(); names.hasNext(); ) {
            String name = names.next();
            if (!accepted.contains(name)) {
                throw ApiException.badRequest("Unknown field \"" + name + "\" in the body of " + endpoint + ": it takes "
                        + (accepted.isEmpty() ? "no field" : String.join(" and ", accepted)) + ".");
            }
        }
        return Map.copyOf(accepted.stream().filter(document::has).collect(Collectors.toMap(n -> n, document::get)));
    }
}

package org.backrelief.gateway.contract;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;
import java.util.regex.Pattern;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.networknt.schema.JsonSchema;
import com.networknt.schema.JsonSchemaFactory;
import com.networknt.schema.SchemaLocation;
import com.networknt.schema.SchemaValidatorsConfig;
import com.networknt.schema.SpecVersion;
import com.networknt.schema.ValidationMessage;

/**
 * Checks an HTTP exchange against an OpenAPI 3.1 document: the route and method are documented, the status is
 * declared for the operation, the content type is one it declares, the body validates against its schema (JSON
 * Schema 2020-12; response objects are closed, so undocumented fields fail) and every header the response declares
 * as required is present. Answers to paths outside the contract under {@code /api/} (404, 405) must be problems.
 */
public final class ContractValidator {

    private static final String BASE = "https://backrelief.org/contract/v1.json";
    private static final String PROBLEM = "#/components/schemas/Problem";

    private final JsonNode document;
    private final List<Template> templates = new ArrayList<>();
    private final Map<String, String> syntheticNames = new HashMap<>();
    private final Map<String, JsonSchema> compiled = new ConcurrentHashMap<>();
    private final JsonSchemaFactory factory;
    private final SchemaValidatorsConfig config = SchemaValidatorsConfig.builder().build();

    private record Template(String path, Pattern pattern, int parameters) {
    }

    public record Exchange(String method, String path, int status, String contentType,
            Function<String, String> header, String body) {
    }

    public ContractValidator(JsonNode document) {
        this.document = document;
        ObjectNode copy = document.deepCopy();
        ObjectNode schemas = copy.with("components").with("schemas");
        int n = 0;
        for (var path : iterable(document.path("paths").fieldNames())) {
            String regex = Pattern.quote(path).replaceAll("\\{[^}]+}", "\\\\E[^/]+\\\\Q");
            templates.add(new Template(path, Pattern.compile(regex), path.split("\\{", -1).length - 1));
            JsonNode item = document.path("paths").path(path);
            for (var method : iterable(item.fieldNames())) {
                JsonNode responses = item.path(method).path("responses");
                for (var status : iterable(responses.fieldNames())) {
                    JsonNode content = responses.path(status).path("content");
                    for (var media : iterable(content.fieldNames())) {
                        JsonNode schema = content.path(media).path("schema");
                        if (isJson(media) && schema.isObject()) {
                            String name = "__response" + n++;
                            schemas.set(name, schema.deepCopy());
                            syntheticNames.put(key(path, method, status, media), name);
                        }
                    }
                }
            }
        }
        // literal paths before templated ones: /me/sessions/next is not the session "next"
        templates.sort(Comparator.comparingInt(Template::parameters));
        String text = copy.toString();
        factory = JsonSchemaFactory.getInstance(SpecVersion.VersionFlag.V202012,
                builder -> builder.schemaLoaders(loaders -> loaders.schemas(Map.of(BASE, text))));
    }

    /** The problems with the exchange; empty when it matches the contract. */
    public List<String> check(Exchange exchange) {
        List<String> errors = new ArrayList<>();
        String method = exchange.method().toLowerCase(Locale.ROOT);
        if (!exchange.path().startsWith("/api/")) {
            return errors; // the operational endpoints are not part of the API contract
        }
        String media = mediaType(exchange.contentType());
        // one trailing slash names the same route, as the gateway matches it (relay/RelayTable)
        String path = exchange.path().length() > 1 && exchange.path().endsWith("/")
                ? exchange.path().substring(0, exchange.path().length() - 1)
                : exchange.path();
        Template template = templates.stream().filter(t -> t.pattern().matcher(path).matches())
                .findFirst().orElse(null);
        if (method.equals("options")) {
            checkOptions(errors, exchange, template);
            return errors;
        }
        JsonNode operation = template == null ? null : document.path("paths").path(template.path()).path(method);
        if (operation == null || operation.isMissingNode()) {
            // not a route of the contract: the only acceptable answers are problems (404 no such route, 405 ...)
            if (exchange.status() < 400) {
                errors.add("answered " + exchange.status() + " on " + exchange.method() + " " + exchange.path()
                        + ", which the contract does not have");
            } else {
                checkBody(errors, PROBLEM, exchange, "application/problem+json", media);
            }
            return errors;
        }
        String where = exchange.method() + " " + template.path() + " -> " + exchange.status();
        String status = String.valueOf(exchange.status());
        JsonNode response = operation.path("responses").path(status);
        if (response.isMissingNode()) {
            errors.add(where + ": status not declared (declared: " + names(operation.path("responses")) + ")");
            return errors;
        }
        JsonNode content = response.path("content");
        boolean hasBody = exchange.body() != null && !exchange.body().isEmpty();
        if (hasBody || (content.isObject() && !content.isEmpty())) {
            if (!content.has(media)) {
                if (hasBody || exchange.contentType() != null) {
                    errors.add(where + ": content type " + exchange.contentType() + " not declared (declared: "
                            + names(content) + ")");
                }
            } else if (isJson(media)) {
                String name = syntheticNames.get(key(template.path(), method, status, media));
                checkBody(errors, "#/components/schemas/" + name, exchange, media, media);
            }
        }
        JsonNode headers = response.path("headers");
        for (var name : iterable(headers.fieldNames())) {
            JsonNode header = resolve(headers.path(name));
            if (header.path("required").asBoolean(false) && exchange.header().apply(name) == null) {
                errors.add(where + ": required header " + name + " is missing");
            }
        }
        return errors;
    }

    /**
     * OPTIONS is not an operation of the contract: a CORS preflight (answered with Access-Control-* headers, or 403
     * for an origin not allowed), or 204 with an {@code Allow} naming every method the contract documents there.
     */
    private void checkOptions(List<String> errors, Exchange exchange, Template template) {
        String where = exchange.method() + " " + exchange.path() + " -> " + exchange.status();
        if (exchange.header().apply("Access-Control-Allow-Methods") != null || exchange.status() == 403) {
            return;
        }
        if (template == null) {
            if (exchange.status() < 400) {
                errors.add(where + ": not a route of the contract, yet not refused");
            }
            return;
        }
        String allow = exchange.header().apply("Allow");
        if (exchange.status() != 204 || allow == null) {
            errors.add(where + ": OPTIONS must answer 204 with Allow (Allow: " + allow + ")");
            return;
        }
        List<String> allowed = List.of(allow.toUpperCase(Locale.ROOT).split("\\s*,\\s*"));
        for (var documented : iterable(document.path("paths").path(template.path()).fieldNames())) {
            String name = documented.toUpperCase(Locale.ROOT);
            if (List.of("GET", "PUT", "POST", "DELETE", "PATCH", "HEAD").contains(name) && !allowed.contains(name)) {
                errors.add(where + ": Allow (" + allow + ") does not name " + name + ", which the contract documents");
            }
        }
    }

    private void checkBody(List<String> errors, String schemaRef, Exchange exchange, String expectedMedia, String media) {
        String where = exchange.method() + " " + exchange.path() + " -> " + exchange.status();
        if (!expectedMedia.equals(media)) {
            errors.add(where + ": content type " + exchange.contentType() + ", expected " + expectedMedia);
            return;
        }
        JsonNode body;
        try {
            body = ContractGenerator.MAPPER.readTree(exchange.body() == null ? "" : exchange.body());
        } catch (Exception e) {
            errors.add(where + ": body is not JSON: " + e.getMessage());
            return;
        }
        if (body == null || body.isMissingNode()) {
            errors.add(where + ": empty body, expected " + schemaRef);
            return;
        }
        JsonSchema schema = compiled.computeIfAbsent(schemaRef,
                ref -> factory.getSchema(SchemaLocation.of(BASE + ref), config));
        Set<ValidationMessage> messages = schema.validate(body);
        for (ValidationMessage message : messages) {
            errors.add(where + ": " + message.getMessage());
        }
    }

    private JsonNode resolve(JsonNode node) {
        String ref = node.path("$ref").asText("");
        if (!ref.startsWith("#/")) {
            return node;
        }
        JsonNode target = document;
        for (String part : ref.substring(2).split("/")) {
            target = target.path(part.replace("~1", "/").replace("~0", "~"));
        }
        return target;
    }

    private static String key(String path, String method, String status, String media) {
        return path + " " + method + " " + status + " " + media;
    }

    static String mediaType(String contentType) {
        if (contentType == null || contentType.isBlank()) {
            return "";
        }
        int semicolon = contentType.indexOf(';');
        return (semicolon < 0 ? contentType : contentType.substring(0, semicolon)).trim().toLowerCase(Locale.ROOT);
    }

    private static boolean isJson(String media) {
        return media.equals("application/json") || media.endsWith("+json");
    }

    private static List<String> names(JsonNode node) {
        List<String> names = new ArrayList<>();
        node.fieldNames().forEachRemaining(names::add);
        return names;
    }

    private static <T> Iterable<T> iterable(java.util.Iterator<T> iterator) {
        return () -> iterator;
    }
}

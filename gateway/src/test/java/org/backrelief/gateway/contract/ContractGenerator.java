package org.backrelief.gateway.contract;

import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import org.backrelief.gateway.contract.PublicRoutes.Owner;
import org.backrelief.gateway.contract.PublicRoutes.Route;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * Builds the public contract ({@code gateway/src/main/openapi/v1.json}) from the services' own OpenAPI documents:
 * each public route takes the owning service's operation (parameters, request body, responses and the component
 * schemas they reference), with the path rewritten to the public one, the user id parameter dropped (the gateway
 * takes the user from the token), the gateway's own answers added (401/403/413/415/429/502/503, all problem+json)
 * and its tags, operationIds and security requirements. The dashboard, composed by the gateway, is described here
 * from the services' schemas of its parts.
 * <p>
 * Response objects are closed ({@code additionalProperties: false}): a field a service adds without describing it
 * fails the contract tests.
 */
public final class ContractGenerator {

    static final JsonNodeFactory JSON = JsonNodeFactory.instance;
    static final ObjectMapper MAPPER = new ObjectMapper();
    public static final String PROBLEM_JSON = "application/problem+json";
    static final String SCHEMAS = "#/components/schemas/";

    private final Map<Owner, JsonNode> serviceDocuments;
    private final ObjectNode schemas = JSON.objectNode();
    /** per service: its schema name to the public name (names clash between services only if the schemas differ). */
    private final Map<Owner, Map<String, String>> renames = new LinkedHashMap<>();

    private ContractGenerator(Map<Owner, JsonNode> serviceDocuments) {
        this.serviceDocuments = serviceDocuments;
    }

    public static ObjectNode generate(Map<Owner, JsonNode> serviceDocuments) {
        return new ContractGenerator(serviceDocuments).build();
    }

    private ObjectNode build() {
        ObjectNode doc = JSON.objectNode();
        doc.put("openapi", "3.1.0");
        ObjectNode info = doc.putObject("info");
        info.put("title", "BackRelief public API");
        info.put("version", "1");
        info.put("description", "The one API every BackRelief front-end talks to, served by the gateway. Versioned "
                + "under /api/v1: additive changes only (new routes, new optional request fields, new response fields); "
                + "breaking changes get /api/v2. Every error is application/problem+json (RFC 7807) and every response "
                + "carries X-Request-Id. Generated from the services' own documents by the gateway's PublicContractTest: "
                + "do not edit by hand (see gateway/README.md).");
        info.putObject("contact").put("name", "BackRelief").put("url", "https://backrelief.org")
                .put("email", "api@backrelief.org");
        info.putObject("license").put("name", "Proprietary").put("url", "https://backrelief.org/license");
        doc.putArray("servers").addObject().put("url", "/").put("description", "the gateway");
        ArrayNode tags = doc.putArray("tags");
        tag(tags, PublicRoutes.CATALOG_TAG, "Exercises and workout phases from the guide (anyone reads, editors change)");
        tag(tags, PublicRoutes.ROUTINES_TAG, "Try a routine without an account");
        tag(tags, PublicRoutes.PROGRAM_TAG, "Your profile, program, sessions and check-ins");
        tag(tags, PublicRoutes.PROGRESS_TAG, "Your history, statistics, pain trend and dashboard");
        tag(tags, PublicRoutes.ADMIN_TAG, "Operations for administrators");

        ObjectNode paths = doc.putObject("paths");
        for (Route route : PublicRoutes.ALL) {
            ObjectNode operation = route.owner() == Owner.GATEWAY ? dashboard() : relayed(route);
            operation = decorate(route, operation);
            ObjectNode item = paths.has(route.publicPath()) ? (ObjectNode) paths.get(route.publicPath())
                    : paths.putObject(route.publicPath());
            item.set(route.method(), operation);
        }

        ObjectNode components = doc.putObject("components");
        components.set("schemas", sorted(closeObjects(schemas)));
        ObjectNode headers = components.putObject("headers");
        ObjectNode requestId = headers.putObject("X-Request-Id");
        requestId.put("description", "The request's id (yours if you sent a valid one): quote it when reporting a problem");
        requestId.put("required", true);
        requestId.putObject("schema").put("type", "string");
        ObjectNode retryAfter = headers.putObject("Retry-After");
        retryAfter.put("description", "Seconds to wait before trying again");
        retryAfter.put("required", true);
        retryAfter.putObject("schema").put("type", "integer");
        ObjectNode security = components.putObject("securitySchemes").putObject("jwt");
        security.put("type", "http");
        security.put("scheme", "bearer");
        security.put("bearerFormat", "JWT");
        // the same text as quarkus.smallrye-openapi.security-scheme-description, so the served document is this one
        security.put("description", "Bearer access token (JWT); roles in the groups claim: user, editor, admin");
        return doc;
    }

    private static void tag(ArrayNode tags, String name, String description) {
        tags.addObject().put("name", name).put("description", description);
    }

    // ------------------------------------------------------------------------------------------------------------
    // relayed routes: the owning service's operation

    private ObjectNode relayed(Route route) {
        JsonNode document = serviceDocuments.get(route.owner());
        if (document == null) {
            throw new IllegalStateException("No OpenAPI document of " + route.owner().serviceName);
        }
        JsonNode source = document.path("paths").path(route.backendPath()).path(route.method());
        if (!source.isObject()) {
            throw new IllegalStateException(route.owner().serviceName + " does not document "
                    + route.method().toUpperCase() + " " + route.backendPath() + " (public " + route.publicPath() + ")");
        }
        ObjectNode operation = ((ObjectNode) source).deepCopy();
        // path-level parameters of the service apply too
        JsonNode pathParameters = document.path("paths").path(route.backendPath()).path("parameters");
        if (pathParameters.isArray() && !pathParameters.isEmpty()) {
            ArrayNode parameters = operation.withArray("parameters");
            pathParameters.forEach(p -> parameters.add(p.deepCopy()));
        }
        if (operation.has("parameters")) {
            ArrayNode kept = JSON.arrayNode();
            for (JsonNode parameter : operation.get("parameters")) {
                String name = parameter.path("name").asText();
                boolean inPath = route.publicPath().contains("{" + name + "}");
                // the user id is the token's subject; a query parameter named like a path parameter is shadowed by it
                boolean dropped = "path".equals(parameter.path("in").asText()) ? !inPath
                        : "query".equals(parameter.path("in").asText()) && inPath;
                if (!dropped) {
                    kept.add(arrayExample(parameter));
                }
            }
            if (kept.isEmpty()) {
                operation.remove("parameters");
            } else {
                operation.set("parameters", kept);
            }
        }
        operation.remove("security");
        operation.remove("tags");
        operation.remove("operationId");
        rewriteRefs(route.owner(), operation);
        return operation;
    }

    /** An array parameter's example written as JSON text (MicroProfile's example is a string) becomes the array. */
    private static JsonNode arrayExample(JsonNode parameter) {
        JsonNode example = parameter.path("example");
        if (example.isTextual() && example.asText().startsWith("[")) {
            try {
                ((ObjectNode) parameter).set("example", MAPPER.readTree(example.asText()));
            } catch (java.io.IOException e) {
                throw new IllegalStateException("Not JSON: example of " + parameter, e);
            }
        }
        return parameter;
    }

    /** Rewrites the service's $refs to the public component names, importing each referenced schema once. */
    private void rewriteRefs(Owner owner, JsonNode node) {
        if (node.isObject()) {
            ObjectNode object = (ObjectNode) node;
            JsonNode ref = object.get("$ref");
            if (ref != null && ref.isTextual() && ref.asText().startsWith(SCHEMAS)) {
                object.put("$ref", SCHEMAS + importSchema(owner, ref.asText().substring(SCHEMAS.length())));
            }
            for (Iterator<JsonNode> it = object.elements(); it.hasNext();) {
                rewriteRefs(owner, it.next());
            }
        } else if (node.isArray()) {
            node.forEach(child -> rewriteRefs(owner, child));
        }
    }

    private String importSchema(Owner owner, String name) {
        Map<String, String> names = renames.computeIfAbsent(owner, o -> new LinkedHashMap<>());
        String known = names.get(name);
        if (known != null) {
            return known;
        }
        JsonNode source = serviceDocuments.get(owner).path("components").path("schemas").path(name);
        if (!source.isObject()) {
            throw new IllegalStateException(owner.serviceName + " references a schema it does not define: " + name);
        }
        ObjectNode schema = ((ObjectNode) source).deepCopy();
        String publicName = name;
        // a clash with a different schema of another service: prefix with the service
        String candidate = publicName;
        names.put(name, candidate); // before recursing: schemas may be recursive
        rewriteRefs(owner, schema);
        JsonNode existing = schemas.get(candidate);
        if (existing != null && !existing.equals(schema)) {
            candidate = prefix(owner) + name;
            names.put(name, candidate);
            rewriteRefs(owner, schema = ((ObjectNode) source).deepCopy());
        }
        schemas.set(candidate, schema);
        return candidate;
    }

    private static String prefix(Owner owner) {
        String n = owner.name().toLowerCase();
        return Character.toUpperCase(n.charAt(0)) + n.substring(1);
    }

    // ------------------------------------------------------------------------------------------------------------
    // the dashboard: composed by the gateway from the planner's next session and the tracker's statistics

    private ObjectNode dashboard() {
        String session = importSchema(Owner.PLANNER, refName(Owner.PLANNER, "/api/v1/me/sessions/next", "get"));
        String statistics = importSchema(Owner.TRACKING, refName(Owner.TRACKING, "/api/v1/users/{userId}/stats", "get"));
        String painTrend = importSchema(Owner.TRACKING, refName(Owner.TRACKING, "/api/v1/users/{userId}/pain-trend", "get"));
        JsonNode statisticsProperties = schemas.path(statistics).path("properties");
        ObjectNode dashboard = JSON.objectNode();
        dashboard.put("type", "object");
        dashboard.put("description", "Everything the home screen shows, in one call. A section whose service cannot "
                + "answer says available: false with the reason; the others are still served.");
        ObjectNode properties = dashboard.putObject("properties");
        properties.set("nextSession", section("DashboardNextSession", "The next scheduled session with its routine "
                + "(planner-service); no data when there is no program or nothing left to do", SCHEMAS + session));
        properties.set("streak", section("DashboardStreak", "Current and longest streaks (tracking-service statistics: "
                + "streaks)", property(statisticsProperties, "streaks", statistics)));
        properties.set("weeklyAdherence", section("DashboardWeeklyAdherence", "Completed vs. scheduled sessions per "
                + "program week (tracking-service statistics: adherence)", property(statisticsProperties, "adherence", statistics)));
        properties.set("painTrend", section("DashboardPainTrend", "Pain per day over the last 28 days ending today in "
                + "your time zone (tracking-service pain trend)", SCHEMAS + painTrend));
        dashboard.putArray("required").add("nextSession").add("streak").add("weeklyAdherence").add("painTrend");
        schemas.set("Dashboard", dashboard);

        ObjectNode operation = JSON.objectNode();
        operation.put("summary", "Your dashboard");
        operation.put("description", "Next session, streaks, weekly adherence and the last 28 days of pain, fetched "
                + "from the planner and the tracker in parallel. If one of them is down, its sections say "
                + "\"available\": false with the reason, and the rest is still served (200).");
        ObjectNode ok = operation.putObject("responses").putObject("200");
        ok.put("description", "The dashboard");
        ok.putObject("content").putObject("application/json").putObject("schema").put("$ref", SCHEMAS + "Dashboard");
        return operation;
    }

    private ObjectNode section(String name, String description, String dataRef) {
        ObjectNode section = JSON.objectNode();
        section.put("type", "object");
        section.put("description", description);
        ObjectNode properties = section.putObject("properties");
        properties.putObject("available").put("type", "boolean").put("description",
                "false when the owning service could not answer");
        properties.putObject("reason").put("type", "string").put("description", "Why the section is not available")
                .put("example", "tracking-service is unavailable; try again shortly");
        properties.putObject("data").put("$ref", dataRef);
        section.putArray("required").add("available");
        schemas.set(name, section);
        ObjectNode ref = JSON.objectNode();
        ref.put("$ref", SCHEMAS + name);
        return ref;
    }

    /** The ref of a property of an imported schema (a $ref, or an inline schema made a component). */
    private String property(JsonNode properties, String name, String owner) {
        JsonNode property = properties.path(name);
        if (property.has("$ref")) {
            return property.get("$ref").asText();
        }
        JsonNode all = property.path("allOf");
        if (all.isArray() && all.size() == 1 && all.get(0).has("$ref")) {
            return all.get(0).get("$ref").asText();
        }
        throw new IllegalStateException(owner + "." + name + " is not a reference to a schema: " + property);
    }

    private String refName(Owner owner, String path, String method) {
        JsonNode schema = serviceDocuments.get(owner).path("paths").path(path).path(method).path("responses")
                .path("200").path("content").path("application/json").path("schema");
        String ref = schema.path("$ref").asText("");
        if (!ref.startsWith(SCHEMAS)) {
            throw new IllegalStateException(owner.serviceName + " " + path + " has no 200 schema reference: " + schema);
        }
        return ref.substring(SCHEMAS.length());
    }

    // ------------------------------------------------------------------------------------------------------------
    // what the gateway adds to every operation

    private ObjectNode decorate(Route route, ObjectNode operation) {
        ObjectNode result = JSON.objectNode();
        result.putArray("tags").add(route.tag());
        result.put("operationId", route.operationId());
        for (String field : List.of("summary", "description")) {
            if (operation.has(field)) {
                result.set(field, operation.get(field));
            }
        }
        if (route.secured()) {
            String roles = String.join(", ", route.roles());
            String description = result.path("description").asText("");
            result.put("description", (description.isEmpty() ? "" : description + "\n\n") + "Role: " + roles + ".");
            result.putArray("security").addObject().putArray("jwt");
        } else {
            result.putArray("security").addObject(); // anonymous; a token is accepted but not needed
        }
        for (String field : List.of("parameters", "requestBody")) {
            if (operation.has(field)) {
                result.set(field, operation.get(field));
            }
        }
        ObjectNode responses = operation.has("responses") ? (ObjectNode) operation.get("responses") : JSON.objectNode();
        if (route.secured()) {
            problem(responses, "401", "Missing, invalid or expired bearer token (WWW-Authenticate: Bearer)");
            problem(responses, "403", "Your role does not allow this");
        } else {
            // a token is not needed here, but one that is sent must be valid: the client learns it is not signed in
            problem(responses, "401", "The bearer token sent is invalid or expired (WWW-Authenticate: Bearer); "
                    + "send a valid one, or none");
            responses.remove("403");
        }
        if (result.has("requestBody")) {
            problem(responses, "413", "Request body larger than 256 KiB");
            problem(responses, "415", "Content-Type is not application/json");
        }
        problem(responses, "429", "Rate limit exceeded; wait Retry-After seconds").with("headers").set("Retry-After",
                headerRef("Retry-After"));
        problem(responses, "502", "The service behind this route failed");
        problem(responses, "503", "The service behind this route is unavailable; wait Retry-After seconds")
                .with("headers").set("Retry-After", headerRef("Retry-After"));
        // every answer: problems are problem+json, every one carries X-Request-Id
        Map<String, JsonNode> ordered = new TreeMap<>();
        responses.fields().forEachRemaining(e -> ordered.put(e.getKey(), e.getValue()));
        ObjectNode out = result.putObject("responses");
        for (Map.Entry<String, JsonNode> e : ordered.entrySet()) {
            ObjectNode response = (ObjectNode) e.getValue();
            int status = Integer.parseInt(e.getKey());
            if (status >= 400) {
                ObjectNode content = JSON.objectNode();
                content.putObject(PROBLEM_JSON).putObject("schema").put("$ref", SCHEMAS + problemSchema());
                response.set("content", content);
            }
            if (!response.has("description") || response.get("description").asText().isBlank()) {
                response.put("description", status < 300 ? "OK" : "See the problem");
            }
            if (response.has("content")) {
                // a body without a schema (e.g. CSV) is a string
                response.get("content").forEach(media -> {
                    if (!media.has("schema")) {
                        ((ObjectNode) media).putObject("schema").put("type", "string");
                    }
                });
            }
            ObjectNode headers = response.with("headers");
            headers.fields().forEachRemaining(header -> {
                if (!header.getValue().has("$ref") && !header.getValue().has("schema")) {
                    ((ObjectNode) header.getValue()).putObject("schema").put("type", "string");
                }
            });
            headers.set("X-Request-Id", headerRef("X-Request-Id"));
            out.set(e.getKey(), sorted(response));
        }
        return result;
    }

    private String problemSchema() {
        for (Owner owner : List.of(Owner.CATALOG, Owner.PLANNER, Owner.TRACKING)) {
            if (serviceDocuments.get(owner).path("components").path("schemas").has("Problem")) {
                return importSchema(owner, "Problem");
            }
        }
        throw new IllegalStateException("No service documents the Problem schema");
    }

    private static ObjectNode problem(ObjectNode responses, String status, String description) {
        ObjectNode response = responses.has(status) ? (ObjectNode) responses.get(status) : responses.putObject(status);
        if (!response.has("description") || response.get("description").asText().isBlank()) {
            response.put("description", description);
        }
        return response;
    }

    private static ObjectNode headerRef(String name) {
        ObjectNode ref = JSON.objectNode();
        ref.put("$ref", "#/components/headers/" + name);
        return ref;
    }

    // ------------------------------------------------------------------------------------------------------------

    /** additionalProperties: false on every object schema with properties that does not say otherwise. */
    static JsonNode closeObjects(JsonNode node) {
        if (node.isObject()) {
            ObjectNode object = (ObjectNode) node;
            if (object.has("properties") && object.get("properties").isObject() && !object.has("additionalProperties")) {
                object.put("additionalProperties", false);
            }
            List<JsonNode> children = new ArrayList<>();
            object.elements().forEachRemaining(children::add);
            children.forEach(ContractGenerator::closeObjects);
        } else if (node.isArray()) {
            node.forEach(ContractGenerator::closeObjects);
        }
        return node;
    }

    static ObjectNode sorted(JsonNode node) {
        ObjectNode out = JSON.objectNode();
        List<String> names = new ArrayList<>();
        node.fieldNames().forEachRemaining(names::add);
        names.sort(null);
        for (String name : names) {
            out.set(name, node.get(name));
        }
        return out;
    }
}

package org.backrelief.gateway.contract;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.Iterator;
import java.util.List;
import java.util.Set;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * Compares two versions of the public contract and lists the changes that would break a client written against
 * the old one: a removed route, parameter, status, media type or response field; a changed type or format; a
 * response field no longer required; a new required parameter, request body or request field; a removed request
 * enum value. Additive changes (new routes, optional parameters and request fields, response fields, response
 * enum values) are not listed.
 */
public final class BreakingChanges {

    private enum Direction {
        REQUEST, RESPONSE
    }

    private final JsonNode before;
    private final JsonNode after;
    private final List<String> problems = new ArrayList<>();
    private final Set<String> visited = new HashSet<>();

    private BreakingChanges(JsonNode before, JsonNode after) {
        this.before = before;
        this.after = after;
    }

    public static List<String> between(JsonNode before, JsonNode after) {
        BreakingChanges changes = new BreakingChanges(before, after);
        changes.compare();
        return changes.problems;
    }

    private void compare() {
        for (String path : names(before.path("paths"))) {
            JsonNode oldItem = before.path("paths").path(path);
            JsonNode newItem = after.path("paths").path(path);
            for (String method : names(oldItem)) {
                if (!isMethod(method)) {
                    continue;
                }
                String where = method.toUpperCase() + " " + path;
                JsonNode newOperation = newItem.path(method);
                if (newOperation.isMissingNode()) {
                    problems.add(where + ": route removed");
                    continue;
                }
                operation(where, oldItem.path(method), newOperation);
            }
        }
    }

    private void operation(String where, JsonNode oldOp, JsonNode newOp) {
        // parameters
        for (JsonNode parameter : newOp.path("parameters")) {
            JsonNode old = parameter(oldOp, parameter);
            boolean required = parameter.path("required").asBoolean(false);
            if (required && (old == null || !old.path("required").asBoolean(false))) {
                problems.add(where + ": new required parameter " + parameter.path("name").asText());
            }
        }
        for (JsonNode parameter : oldOp.path("parameters")) {
            JsonNode now = parameter(newOp, parameter);
            String name = parameter.path("in").asText() + " parameter " + parameter.path("name").asText();
            if (now == null) {
                problems.add(where + ": " + name + " removed");
            } else {
                schema(where + " " + name, parameter.path("schema"), now.path("schema"), Direction.REQUEST);
            }
        }
        // request body
        JsonNode oldBody = oldOp.path("requestBody");
        JsonNode newBody = newOp.path("requestBody");
        if (newBody.path("required").asBoolean(false) && !oldBody.path("required").asBoolean(false)) {
            problems.add(where + ": request body now required");
        }
        for (String media : names(oldBody.path("content"))) {
            JsonNode now = newBody.path("content").path(media);
            if (now.isMissingNode()) {
                problems.add(where + ": request media type " + media + " no longer accepted");
            } else {
                schema(where + " request", oldBody.path("content").path(media).path("schema"), now.path("schema"),
                        Direction.REQUEST);
            }
        }
        // responses
        for (String status : names(oldOp.path("responses"))) {
            JsonNode oldResponse = oldOp.path("responses").path(status);
            JsonNode newResponse = newOp.path("responses").path(status);
            if (newResponse.isMissingNode()) {
                problems.add(where + ": response " + status + " removed");
                continue;
            }
            for (String media : names(oldResponse.path("content"))) {
                JsonNode now = newResponse.path("content").path(media);
                if (now.isMissingNode()) {
                    problems.add(where + ": response " + status + " no longer " + media);
                } else {
                    schema(where + " " + status, oldResponse.path("content").path(media).path("schema"),
                            now.path("schema"), Direction.RESPONSE);
                }
            }
            for (String header : names(oldResponse.path("headers"))) {
                if (newResponse.path("headers").path(header).isMissingNode()) {
                    problems.add(where + ": response " + status + " header " + header + " removed");
                }
            }
        }
    }

    private void schema(String where, JsonNode oldSchema, JsonNode newSchema, Direction direction) {
        JsonNode o = resolve(before, oldSchema);
        JsonNode n = resolve(after, newSchema);
        String key = direction + " " + oldSchema.path("$ref").asText(oldSchema.toString()) + " -> "
                + newSchema.path("$ref").asText(newSchema.toString());
        if (!visited.add(key)) {
            return; // compared already (or recursive)
        }
        if (!o.path("type").equals(n.path("type")) && !o.path("type").isMissingNode()) {
            problems.add(where + ": type changed from " + o.path("type") + " to " + n.path("type"));
            return;
        }
        if (!o.path("format").equals(n.path("format")) && !o.path("format").isMissingNode()) {
            problems.add(where + ": format changed from " + o.path("format") + " to " + n.path("format"));
        }
        if (direction == Direction.REQUEST && o.has("enum")) {
            Set<String> values = texts(n.path("enum"));
            for (JsonNode value : o.path("enum")) {
                if (n.has("enum") && !values.contains(value.asText())) {
                    problems.add(where + ": enum value " + value.asText() + " no longer accepted");
                }
            }
        }
        if (o.has("items") || n.has("items")) {
            schema(where + "[]", o.path("items"), n.path("items"), direction);
        }
        Set<String> oldRequired = texts(o.path("required"));
        Set<String> newRequired = texts(n.path("required"));
        for (String property : names(o.path("properties"))) {
            JsonNode now = n.path("properties").path(property);
            String field = where + " ." + property;
            if (now.isMissingNode()) {
                problems.add(field + ": field removed");
                continue;
            }
            if (direction == Direction.RESPONSE && oldRequired.contains(property) && !newRequired.contains(property)) {
                problems.add(field + ": response field no longer required");
            }
            schema(field, o.path("properties").path(property), now, direction);
        }
        if (direction == Direction.REQUEST) {
            for (String property : newRequired) {
                if (!oldRequired.contains(property)) {
                    problems.add(where + " ." + property + ": new required request field");
                }
            }
        }
        for (String composition : List.of("allOf", "oneOf", "anyOf")) {
            JsonNode oldParts = o.path(composition);
            JsonNode newParts = n.path(composition);
            for (int i = 0; i < oldParts.size() && i < newParts.size(); i++) {
                schema(where, oldParts.get(i), newParts.get(i), direction);
            }
        }
    }

    private static JsonNode resolve(JsonNode document, JsonNode schema) {
        JsonNode current = schema;
        for (int hops = 0; hops < 20 && current.has("$ref"); hops++) {
            String ref = current.get("$ref").asText();
            JsonNode target = document;
            for (String part : ref.substring(2).split("/")) {
                target = target.path(part.replace("~1", "/").replace("~0", "~"));
            }
            current = target;
        }
        return current;
    }

    private static JsonNode parameter(JsonNode operation, JsonNode like) {
        for (JsonNode parameter : operation.path("parameters")) {
            if (parameter.path("name").equals(like.path("name")) && parameter.path("in").equals(like.path("in"))) {
                return parameter;
            }
        }
        return null;
    }

    private static boolean isMethod(String name) {
        return List.of("get", "put", "post", "delete", "patch", "head", "options").contains(name);
    }

    private static Set<String> texts(JsonNode array) {
        Set<String> out = new HashSet<>();
        array.forEach(value -> out.add(value.asText()));
        return out;
    }

    private static List<String> names(JsonNode node) {
        List<String> names = new ArrayList<>();
        for (Iterator<String> it = node.fieldNames(); it.hasNext();) {
            names.add(it.next());
        }
        return names;
    }
}

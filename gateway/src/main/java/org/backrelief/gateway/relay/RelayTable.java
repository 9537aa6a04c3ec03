package org.backrelief.gateway.relay;

import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import io.vertx.core.http.HttpMethod;

/**
 * Which line of the {@link RelayRoute} table a request names: one lookup instead of one Vert.x route per method and
 * path. Vert.x Web tries a request against every route in turn; the table gave 71 (22 relayed, 13 HEADs, 18 OPTIONS,
 * 18 "405"s), and that iteration was the gateway's top Java method in the profiles (BENCHMARKS.md, issue 12).
 * <p>
 * Matching follows what those routes did: on the router's normalised path (dot segments resolved, repeated slashes
 * collapsed, unreserved characters decoded), one trailing slash optional, case-sensitive; a parameter is one non-empty
 * segment, percent-decoded ({@code +} stays a plus). The first path that has the request's method wins, literal paths
 * before those with parameters and fewer parameters first ({@code /api/v1/me/sessions/next} before
 * {@code /api/v1/me/sessions/{sessionId}}); only when no path has the method is the first matching path's {@code Allow}
 * given (405, or 204 to OPTIONS). A GET route answers HEAD too.
 */
final class RelayTable {

    /** What a request names: a route and its parameter values, or only a known path (then 405, or 204 to OPTIONS). */
    record Match(RelayRoute route, List<String> values, String allow) {

        /** The decoded value of one of the route's path parameters. */
        String value(String name) {
            int index = route.parameters().indexOf(name);
            return index < 0 ? null : values.get(index);
        }
    }

    /** One public path: its segments, how many are parameters, its routes by method and what {@code Allow} lists. */
    private record PathEntry(String[] segments, int parameters, Map<HttpMethod, RelayRoute> routes, String allow) {
    }

    private final Map<String, PathEntry> literal = new HashMap<>();
    /** Paths with parameters, the fewest parameters first. */
    private final List<PathEntry> templated = new ArrayList<>();

    RelayTable(RelayRoute... routes) {
        Map<String, Map<HttpMethod, RelayRoute>> byPath = new LinkedHashMap<>();
        for (RelayRoute route : routes) {
            Map<HttpMethod, RelayRoute> methods = byPath.computeIfAbsent(route.publicPath(),
                    path -> new LinkedHashMap<>());
            methods.put(route.method(), route);
            if (route.method() == HttpMethod.GET) {
                // as the REST layer answered it: relayed as HEAD, so the backend sends no body
                methods.put(HttpMethod.HEAD, route);
            }
        }
        for (Map.Entry<String, Map<HttpMethod, RelayRoute>> path : byPath.entrySet()) {
            String allow = path.getValue().keySet().stream().map(HttpMethod::name).collect(Collectors.joining(", "))
                    + ", OPTIONS";
            String[] segments = segments(path.getKey());
            int parameters = (int) Arrays.stream(segments).filter(RelayTable::isParameter).count();
            PathEntry entry = new PathEntry(segments, parameters, Map.copyOf(path.getValue()), allow);
            if (parameters == 0) {
                literal.put(path.getKey(), entry);
            } else {
                templated.add(entry);
            }
        }
        templated.sort(Comparator.comparingInt(PathEntry::parameters));
    }

    /**
     * @param normalizedPath the router's normalised path ({@code RoutingContext#normalizedPath()})
     * @return the route and its values; a match without a route when the path is known but the method is not; null
     *         for a path the table does not have
     */
    Match match(HttpMethod method, String normalizedPath) {
        String path = normalizedPath.length() > 1 && normalizedPath.endsWith("/")
                ? normalizedPath.substring(0, normalizedPath.length() - 1)
                : normalizedPath;
        PathEntry known = literal.get(path);
        if (known != null && known.routes().containsKey(method)) {
            return new Match(known.routes().get(method), List.of(), known.allow());
        }
        String[] requested = segments(path);
        for (PathEntry candidate : templated) {
            if (candidate.routes().containsKey(method) || known == null) {
                List<String> values = valuesOf(candidate, requested);
                if (values != null) {
                    if (candidate.routes().containsKey(method)) {
                        return new Match(candidate.routes().get(method), values, candidate.allow());
                    }
                    known = candidate; // the path is known, the method may still be another path's
                }
            }
        }
        return known == null ? null : new Match(null, List.of(), known.allow());
    }

    /** The parameters' decoded values if {@code requested} fits the path, else null. */
    private static List<String> valuesOf(PathEntry path, String[] requested) {
        String[] template = path.segments();
        if (template.length != requested.length) {
            return null;
        }
        String[] values = new String[path.parameters()];
        int next = 0;
        for (int i = 0; i < template.length; i++) {
            if (isParameter(template[i])) {
                String value = requested[i].isEmpty() ? null : decode(requested[i]);
                if (value == null) {
                    return null;
                }
                values[next++] = value;
            } else if (!template[i].equals(requested[i])) {
                return null;
            }
        }
        return List.of(values);
    }

    /** A percent-encoded segment decoded as UTF-8, a plus kept as it is; null if an escape is malformed. */
    private static String decode(String segment) {
        if (segment.indexOf('%') < 0) {
            return segment;
        }
        try {
            return URLDecoder.decode(segment.replace("+", "%2B"), StandardCharsets.UTF_8);
        } catch (IllegalArgumentException e) {
            return null;
        }
    }

    private static String[] segments(String path) {
        return path.split("/", -1);
    }

    private static boolean isParameter(String segment) {
        return segment.startsWith("{") && segment.endsWith("}");
    }
}

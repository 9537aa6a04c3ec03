package org.backrelief.catalog.exercise;

import java.util.Arrays;
import java.util.stream.Collectors;

/** A field an exercise list can be sorted by: the API name and the stored field behind it. */
public enum SortKey {
    NAME("name", "sortName"),
    DIFFICULTY("difficulty", "difficulty"),
    ID("id", "_id"),
    UPDATED_AT("updatedAt", "updatedAt");

    private final String apiName;
    private final String field;

    SortKey(String apiName, String field) {
        this.apiName = apiName;
        this.field = field;
    }

    public String apiName() {
        return apiName;
    }

    public String field() {
        return field;
    }

    static SortKey fromApiName(String name) {
        return Arrays.stream(values()).filter(key -> key.apiName.equals(name)).findFirst().orElse(null);
    }

    static String allowed() {
        return Arrays.stream(values()).map(SortKey::apiName).collect(Collectors.joining(", "));
    }

    /** One sort instruction: a key and its direction. */
    public record Order(SortKey key, boolean descending) {
    }
}

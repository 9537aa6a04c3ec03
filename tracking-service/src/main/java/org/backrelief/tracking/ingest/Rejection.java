package org.backrelief.tracking.ingest;

/** Why a record went to the dead-letter topic; {@link #code()} is the {@code dead-letter-reason} header. */
public enum Rejection {
    EMPTY_RECORD("empty-record"),
    NOT_JSON("not-json"),
    NOT_A_CLOUDEVENT("not-a-cloudevent"),
    UNKNOWN_TYPE("unknown-type"),
    UNSUPPORTED_SCHEMA_VERSION("unsupported-schema-version"),
    INVALID_DATA("invalid-data"),
    REJECTED_BY_STORE("rejected-by-store");

    private final String code;

    Rejection(String code) {
        this.code = code;
    }

    public String code() {
        return code;
    }
}

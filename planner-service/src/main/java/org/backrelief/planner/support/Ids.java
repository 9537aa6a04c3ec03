package org.backrelief.planner.support;

/** Identifier formats accepted from clients: bounded and free of anything a query could interpret. */
public final class Ids {

    /** Our own ids (UUIDs) and catalog ids (lowercase words and dashes). */
    public static final String ID_PATTERN = "[A-Za-z0-9][A-Za-z0-9._-]{0,99}";
    public static final String ID_MESSAGE = "must be 1-100 letters, digits, '.', '_' or '-'";

    private Ids() {
    }
}

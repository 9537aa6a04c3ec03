package org.backrelief.common.domain;

/** The roles a token may carry in its {@code groups} claim. */
public final class Roles {

    public static final String USER = "user";
    public static final String EDITOR = "editor";
    public static final String ADMIN = "admin";

    private Roles() {
    }
}

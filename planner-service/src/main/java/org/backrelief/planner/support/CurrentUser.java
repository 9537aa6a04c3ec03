package org.backrelief.planner.support;

import jakarta.enterprise.context.RequestScoped;

import org.eclipse.microprofile.jwt.JsonWebToken;

import io.quarkus.security.UnauthorizedException;

/** The caller, from the verified token: user data endpoints never take a user id from the client. */
@RequestScoped
public class CurrentUser {

    /** Longest accepted subject (the events' userId limit). */
    public static final int MAX_SUBJECT_LENGTH = 128;

    private final JsonWebToken token;

    public CurrentUser(JsonWebToken token) {
        this.token = token;
    }

    public String id() {
        String subject = token.getSubject();
        if (subject == null || subject.isBlank() || subject.length() > MAX_SUBJECT_LENGTH) {
            throw new UnauthorizedException();
        }
        return subject;
    }
}

package org.backrelief.tracking.access;

import jakarta.enterprise.context.RequestScoped;

import org.backrelief.common.domain.Roles;
import org.backrelief.common.problem.ProblemException;
import org.eclipse.microprofile.jwt.JsonWebToken;

import io.quarkus.security.identity.SecurityIdentity;

/**
 * Who may read whose history: the person themself (token subject = user id) or an admin. Anyone else gets the same
 * 404 as for a user with no data, so ids cannot be probed.
 */
@RequestScoped
public class UserAccess {

    private final JsonWebToken token;
    private final SecurityIdentity identity;

    public UserAccess(JsonWebToken token, SecurityIdentity identity) {
        this.token = token;
        this.identity = identity;
    }

    public void requireReadable(String userId) {
        if (identity.hasRole(Roles.ADMIN)) {
            return;
        }
        if (token.getSubject() == null || !token.getSubject().equals(userId)) {
            throw ProblemException.notFound("The history of user '" + userId + "'");
        }
    }
}

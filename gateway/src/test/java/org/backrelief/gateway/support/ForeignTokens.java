package org.backrelief.gateway.support;

import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.util.Set;

import org.backrelief.testing.TestInfrastructure;

import io.smallrye.jwt.build.Jwt;

/** Tokens that look right but are signed with a key nobody trusts. */
public final class ForeignTokens {

    private ForeignTokens() {
    }

    public static String selfSigned(String subject) {
        try {
            KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
            generator.initialize(2048);
            KeyPair pair = generator.generateKeyPair();
            return Jwt.issuer(TestInfrastructure.get().issuer()).subject(subject).upn(subject)
                    .groups(Set.of("user", "admin")).expiresIn(Duration.ofMinutes(5)).sign(pair.getPrivate());
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}

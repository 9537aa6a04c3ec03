package org.backrelief.infra;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.PrivateKey;
import java.security.spec.PKCS8EncodedKeySpec;
import java.time.Duration;
import java.util.Base64;
import java.util.Set;

import io.smallrye.jwt.build.Jwt;

/**
 * The signing key pair of a local stack or a test run, and the tokens signed with it.
 * <p>
 * Real deployments verify tokens of an OIDC provider instead; this exists so a newcomer can call the API locally.
 */
public final class LocalJwtKeys {

    public static final String DEFAULT_ISSUER = "https://backrelief.local";
    public static final String PRIVATE_KEY_FILE = "privateKey.pem";
    public static final String PUBLIC_KEY_FILE = "publicKey.pem";

    private final Path dir;

    private LocalJwtKeys(Path dir) {
        this.dir = dir;
    }

    /** Uses the key pair in {@code dir}, creating one on first use. */
    public static LocalJwtKeys in(Path dir) {
        LocalJwtKeys keys = new LocalJwtKeys(dir);
        if (!Files.exists(keys.privateKeyFile()) || !Files.exists(keys.publicKeyFile())) {
            keys.generate();
        }
        return keys;
    }

    public Path publicKeyFile() {
        return dir.resolve(PUBLIC_KEY_FILE);
    }

    public Path privateKeyFile() {
        return dir.resolve(PRIVATE_KEY_FILE);
    }

    /** A signed token for {@code subject} with the given roles (groups). */
    public String mint(String issuer, String subject, Set<String> roles, Duration lifetime) {
        return Jwt.issuer(issuer)
                .subject(subject)
                .upn(subject)
                .groups(roles)
                .expiresIn(lifetime)
                .sign(privateKey());
    }

    private PrivateKey privateKey() {
        try {
            String pem = Files.readString(privateKeyFile());
            String base64 = pem.replaceAll("-----[A-Z ]+-----", "").replaceAll("\\s", "");
            return KeyFactory.getInstance("RSA").generatePrivate(new PKCS8EncodedKeySpec(Base64.getDecoder().decode(base64)));
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read " + privateKeyFile(), e);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("Invalid private key in " + privateKeyFile(), e);
        }
    }

    private void generate() {
        try {
            Files.createDirectories(dir);
            KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
            generator.initialize(2048);
            KeyPair pair = generator.generateKeyPair();
            Files.writeString(publicKeyFile(), pem("PUBLIC KEY", pair.getPublic().getEncoded()));
            Files.writeString(privateKeyFile(), pem("PRIVATE KEY", pair.getPrivate().getEncoded()));
            privateKeyFile().toFile().setReadable(false, false);
            privateKeyFile().toFile().setReadable(true, true);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot write keys to " + dir, e);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("RSA is not available", e);
        }
    }

    private static String pem(String type, byte[] der) {
        String body = Base64.getMimeEncoder(64, "\n".getBytes()).encodeToString(der);
        return "-----BEGIN " + type + "-----\n" + body + "\n-----END " + type + "-----\n";
    }
}

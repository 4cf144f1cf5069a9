package org.exitbot.security;

import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.jwk.source.ImmutableJWKSet;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.NoSuchAlgorithmException;
import java.security.interfaces.RSAPrivateKey;
import java.security.interfaces.RSAPublicKey;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.List;
import org.springframework.security.oauth2.jose.jws.SignatureAlgorithm;
import org.springframework.security.oauth2.jwt.JwsHeader;
import org.springframework.security.oauth2.jwt.JwtClaimsSet;
import org.springframework.security.oauth2.jwt.JwtEncoderParameters;
import org.springframework.security.oauth2.jwt.NimbusJwtEncoder;

/**
 * An identity provider for tests: an RSA key made for this test run, whose public half the app trusts through
 * {@code public-key-location}, and a second key it does not know. No key is ever written into the repository.
 */
public final class TestJwts {

    private static final KeyPair TRUSTED = generate();
    private static final KeyPair FOREIGN = generate();
    private static Path publicKeyFile;

    private TestJwts() {
    }

    /** {@code file:} URL of the trusted public key as PEM, for {@code spring.security.oauth2.resourceserver.jwt}. */
    public static synchronized String publicKeyLocation() {
        if (publicKeyFile == null) {
            try {
                publicKeyFile = Files.createTempFile("exitbot-test-jwt", ".pem");
                publicKeyFile.toFile().deleteOnExit();
                Files.writeString(publicKeyFile, "-----BEGIN PUBLIC KEY-----\n"
                        + Base64.getMimeEncoder().encodeToString(TRUSTED.getPublic().getEncoded())
                        + "\n-----END PUBLIC KEY-----\n");
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        return publicKeyFile.toUri().toString();
    }

    /** A token of the trusted key for {@code subject} in {@code groups}, valid for the next five minutes. */
    public static String valid(String subject, List<String> groups) {
        return sign(TRUSTED, subject, groups, Instant.now().plus(Duration.ofMinutes(5)));
    }

    /** A token of the trusted key in no group, whose {@code scope} claim holds {@code scopes} (space-separated). */
    public static String withScopes(String subject, String scopes) {
        var jwk = new RSAKey.Builder((RSAPublicKey) TRUSTED.getPublic()).privateKey((RSAPrivateKey) TRUSTED.getPrivate())
                .build();
        var encoder = new NimbusJwtEncoder(new ImmutableJWKSet<>(new JWKSet(jwk)));
        Instant expiresAt = Instant.now().plus(Duration.ofMinutes(5));
        var claims = JwtClaimsSet.builder().subject(subject).claim("scope", scopes)
                .issuedAt(expiresAt.minus(Duration.ofMinutes(10))).expiresAt(expiresAt).build();
        return encoder.encode(JwtEncoderParameters.from(JwsHeader.with(SignatureAlgorithm.RS256).build(), claims))
                .getTokenValue();
    }

    /** Signed by the trusted key but expired ten minutes ago, beyond any clock skew allowed. */
    public static String expired(String subject, List<String> groups) {
        return sign(TRUSTED, subject, groups, Instant.now().minus(Duration.ofMinutes(10)));
    }

    /** Well-formed and current, but signed by a key the app does not trust. */
    public static String foreign(String subject, List<String> groups) {
        return sign(FOREIGN, subject, groups, Instant.now().plus(Duration.ofMinutes(5)));
    }

    private static String sign(KeyPair key, String subject, List<String> groups, Instant expiresAt) {
        var jwk = new RSAKey.Builder((RSAPublicKey) key.getPublic()).privateKey((RSAPrivateKey) key.getPrivate()).build();
        var encoder = new NimbusJwtEncoder(new ImmutableJWKSet<>(new JWKSet(jwk)));
        var claims = JwtClaimsSet.builder().subject(subject).claim("groups", groups)
                .issuedAt(expiresAt.minus(Duration.ofMinutes(10))).expiresAt(expiresAt).build();
        return encoder.encode(JwtEncoderParameters.from(JwsHeader.with(SignatureAlgorithm.RS256).build(), claims))
                .getTokenValue();
    }

    private static KeyPair generate() {
        try {
            var generator = KeyPairGenerator.getInstance("RSA");
            generator.initialize(2048);
            return generator.generateKeyPair();
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}

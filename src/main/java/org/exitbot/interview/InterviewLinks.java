package org.exitbot.interview;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.time.Instant;
import java.util.Base64;
import java.util.HexFormat;
import java.util.Optional;
import java.util.regex.Pattern;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.exitbot.system.ExitBotProperties;
import org.springframework.stereotype.Component;

/**
 * The employee's link. Its token is an HMAC of the interview id and a random 128-bit salt under the server's
 * link secret: the database holds only the salt and the token's SHA-256, so a copy of the database opens no
 * interview, while the server can put the same link into the reminder.
 */
@Component
public class InterviewLinks {

    private static final Pattern TOKEN_SHAPE = Pattern.compile("[A-Za-z0-9_-]{43}");
    private static final Base64.Encoder BASE64URL = Base64.getUrlEncoder().withoutPadding();

    private final LinkSecret secret;
    private final ExitBotProperties properties;
    private final InterviewRepository interviews;
    private final SecureRandom random = new SecureRandom();

    InterviewLinks(LinkSecret secret, ExitBotProperties properties, InterviewRepository interviews) {
        this.secret = secret;
        this.properties = properties;
        this.interviews = interviews;
    }

    void issue(Interview interview, Instant invitedAt, Instant expiresAt) {
        byte[] salt = new byte[16];
        random.nextBytes(salt);
        String saltText = BASE64URL.encodeToString(salt);
        interview.invite(saltText, hash(token(interview.getId().toString(), saltText)), invitedAt, expiresAt);
    }

    public URI url(Interview interview) {
        return URI.create(properties.publicUrl().toString().replaceAll("/+$", "") + "/i/" + token(interview));
    }

    String token(Interview interview) {
        if (interview.getLinkSalt() == null) {
            throw new IllegalStateException("Interview " + interview.getId() + " has no link yet");
        }
        return token(interview.getId().toString(), interview.getLinkSalt());
    }

    /** The interview a token opens, whatever its state; callers decide whether it is still usable. */
    public Optional<Interview> find(String token) {
        if (token == null || !TOKEN_SHAPE.matcher(token).matches()) {
            return Optional.empty();
        }
        return interviews.findByLinkHash(hash(token));
    }

    private String token(String interviewId, String salt) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(secret.key(), "HmacSHA256"));
            return BASE64URL.encodeToString(mac.doFinal((interviewId + ":" + salt).getBytes(StandardCharsets.UTF_8)));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    static String hash(String token) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(token.getBytes(StandardCharsets.US_ASCII));
            return HexFormat.of().formatHex(digest);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }
}

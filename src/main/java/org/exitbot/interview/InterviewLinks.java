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
 * The employee's links: the interview link, and the erasure link of the thank-you mail. A token is an HMAC of
 * its purpose, the interview id and a random 128-bit salt under the server's link secret: the database holds only
 * the salt and the tokens' SHA-256, so a copy of the database opens nothing, while the server can put the same
 * link into the reminder.
 */
@Component
public class InterviewLinks {

    private static final Pattern TOKEN_SHAPE = Pattern.compile("[A-Za-z0-9_-]{43}");
    private static final Base64.Encoder BASE64URL = Base64.getUrlEncoder().withoutPadding();
    private static final String INTERVIEW = "";
    private static final String ERASURE = "erase:";

    private final LinkSecret secret;
    private final ExitBotProperties properties;
    private final InterviewRepository interviews;
    private final SecureRandom random = new SecureRandom();

    InterviewLinks(LinkSecret secret, ExitBotProperties properties, InterviewRepository interviews) {
        this.secret = secret;
        this.properties = properties;
        this.interviews = interviews;
    }

    /** Gives the interview its links, valid until {@code expiresAt}. */
    public void issue(Interview interview, Instant invitedAt, Instant expiresAt) {
        byte[] salt = new byte[16];
        random.nextBytes(salt);
        String saltText = BASE64URL.encodeToString(salt);
        String id = interview.getId().toString();
        interview.invite(saltText, hash(token(INTERVIEW, id, saltText)), hash(token(ERASURE, id, saltText)), invitedAt,
                expiresAt);
    }

    public URI url(Interview interview) {
        return URI.create(base() + "/i/" + token(INTERVIEW, interview));
    }

    /** Where the employee can erase their interview, from the thank-you mail. */
    public URI erasureUrl(Interview interview) {
        return URI.create(base() + "/erase/" + token(ERASURE, interview));
    }

    private String base() {
        return properties.publicUrl().toString().replaceAll("/+$", "");
    }

    String token(String purpose, Interview interview) {
        if (interview.getLinkSalt() == null) {
            throw new IllegalStateException("Interview " + interview.getId() + " has no link yet");
        }
        return token(purpose, interview.getId().toString(), interview.getLinkSalt());
    }

    /** The interview a token opens, whatever its state; callers decide whether it is still usable. */
    public Optional<Interview> find(String token) {
        return wellFormed(token) ? interviews.findByLinkHash(hash(token)) : Optional.empty();
    }

    /** The interview an erasure token belongs to, while it can still be erased. */
    public Optional<Interview> findForErasure(String token) {
        return wellFormed(token) ? interviews.findByErasureHash(hash(token)) : Optional.empty();
    }

    private static boolean wellFormed(String token) {
        return token != null && TOKEN_SHAPE.matcher(token).matches();
    }

    private String token(String purpose, String interviewId, String salt) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(secret.key(), "HmacSHA256"));
            return BASE64URL.encodeToString(mac.doFinal((purpose + interviewId + ":" + salt).getBytes(StandardCharsets.UTF_8)));
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

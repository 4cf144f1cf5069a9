package org.exitbot.interview;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.Set;
import org.exitbot.system.DatabaseServer;
import org.exitbot.system.ExitBotProperties;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * The server secret interview links are derived from. Configured through {@code exitbot.link-secret}; when
 * unset on the embedded database, one is generated once into the data folder so links survive restarts. On a
 * shared database every node must derive the same links, so there a generated secret is refused.
 */
@Component
class LinkSecret {

    private static final Logger log = LoggerFactory.getLogger(LinkSecret.class);
    private static final int MIN_LENGTH = 32;

    private final byte[] key;

    LinkSecret(@Value("${exitbot.link-secret:}") String configured, ExitBotProperties properties,
            DatabaseServer database) {
        if (!configured.isBlank()) {
            this.key = validated(configured);
            return;
        }
        Path generated = properties.dataDir().resolve("link-secret");
        if (!database.isEmbedded()) {
            throw new IllegalStateException("EXITBOT_LINK_SECRET (exitbot.link-secret) is not set. On a shared "
                    + "database every node must use the same link secret, and one generated here would be this "
                    + "node's alone: set EXITBOT_LINK_SECRET to the same 32+ random characters on every node"
                    + (Files.exists(generated) ? " (to keep the links already sent, use the content of "
                    + generated.toAbsolutePath() + ")" : "") + ".");
        }
        this.key = fromDataDir(generated);
    }

    byte[] key() {
        return key.clone();
    }

    private static byte[] validated(String configured) {
        if (configured.length() < MIN_LENGTH) {
            throw new IllegalStateException("exitbot.link-secret must be at least " + MIN_LENGTH + " characters");
        }
        return configured.getBytes(StandardCharsets.UTF_8);
    }

    private static byte[] fromDataDir(Path file) {
        try {
            if (!Files.exists(file)) {
                Files.createDirectories(file.toAbsolutePath().getParent());
                byte[] random = new byte[48];
                new SecureRandom().nextBytes(random);
                Files.writeString(file, Base64.getUrlEncoder().withoutPadding().encodeToString(random));
                restrictToOwner(file);
                log.warn("Generated a link secret in {}; set EXITBOT_LINK_SECRET in production", file.toAbsolutePath());
            }
            return validated(Files.readString(file).strip());
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read or create the link secret " + file, e);
        }
    }

    private static void restrictToOwner(Path file) throws IOException {
        try {
            Files.setPosixFilePermissions(file, Set.copyOf(PosixFilePermissions.fromString("rw-------")));
        } catch (UnsupportedOperationException windows) {
            // not a POSIX file system; the folder's own permissions apply
        }
    }
}

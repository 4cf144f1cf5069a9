package org.exitbot.interview;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.mockito.ArgumentMatchers.anyString;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;

import java.net.URI;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Base64;
import java.util.Optional;
import java.util.UUID;
import org.exitbot.system.DatabaseServer;
import org.exitbot.system.ExitBotProperties;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.autoconfigure.jdbc.DataSourceProperties;

/** The link tokens alone: what they carry, what the database keeps of them, and what they open. */
class InterviewLinkTokensTest {

    static final String SECRET = "a-link-secret-for-this-test-only-0123456789";
    static final Instant NOW = Instant.parse("2026-12-01T10:00:00Z");

    final InterviewRepository repository = mock(InterviewRepository.class);
    final InterviewLinks links = links(SECRET);

    InterviewLinks links(String secret) {
        return new InterviewLinks(new LinkSecret(secret, null, null),
                new ExitBotProperties("Acme", URI.create("https://exitbot.example/"), Path.of(".")), repository);
    }

    @Test
    void aTokenCarries256BitsAndTheInterviewKeepsOnlyItsHash() {
        Interview interview = interview();
        links.issue(interview, NOW, NOW.plusSeconds(3600));
        String token = token(links.url(interview));
        assertThat(Base64.getUrlDecoder().decode(token)).hasSize(32);
        assertThat(interview.getLinkHash()).isEqualTo(InterviewLinks.hash(token)).doesNotContain(token);
        assertThat(interview.getLinkSalt()).doesNotContain(token);
        assertThat(interview.getExpiresAt()).isEqualTo(NOW.plusSeconds(3600));
        assertThat(links.url(interview)).hasToString("https://exitbot.example/i/" + token);
    }

    @Test
    void theErasureLinkIsAnotherTokenThatTheInterviewLinkDoesNotOpen() {
        Interview interview = interview();
        links.issue(interview, NOW, NOW.plusSeconds(3600));
        String erasure = token(links.erasureUrl(interview));
        assertThat(erasure).isNotEqualTo(token(links.url(interview)));
        assertThat(interview.getErasureHash()).isEqualTo(InterviewLinks.hash(erasure));
        when(repository.findByErasureHash(InterviewLinks.hash(erasure))).thenReturn(Optional.of(interview));
        assertThat(links.findForErasure(erasure)).contains(interview);
    }

    @Test
    void theSameInterviewAndSaltGiveTheSameTokenOnlyUnderTheSameSecret() {
        Interview interview = interview();
        links.issue(interview, NOW, NOW.plusSeconds(3600));
        assertThat(token(links.url(interview))).as("the reminder repeats the link").isEqualTo(token(links.url(interview)));
        assertThat(token(links("another-secret-of-enough-length-0123456789").url(interview)))
                .isNotEqualTo(token(links.url(interview)));
    }

    @Test
    void aMalformedTokenIsNotLookedUp() {
        assertThat(links.find("../../etc/passwd")).isEmpty();
        assertThat(links.find(null)).isEmpty();
        verify(repository, never()).findByLinkHash(anyString());
    }

    @Test
    void anInterviewWithoutALinkHasNoUrl() {
        assertThatThrownBy(() -> links.url(interview())).isInstanceOf(IllegalStateException.class);
    }

    @Test
    void aShortSecretIsRefused() {
        assertThatThrownBy(() -> new LinkSecret("too-short", null, null)).hasMessageContaining("at least 32");
    }

    @Test
    void onASharedDatabaseNoSecretIsGeneratedButOnTheEmbeddedOneItIs(@TempDir Path dataDir) {
        var properties = new ExitBotProperties("Acme", URI.create("https://exitbot.example/"), dataDir);
        assertThatThrownBy(() -> new LinkSecret("", properties, database("jdbc:postgresql://db.example/exitbot")))
                .hasMessageContaining("EXITBOT_LINK_SECRET").hasMessageContaining("every node");
        assertThat(dataDir.resolve("link-secret")).doesNotExist();
        new LinkSecret("", properties, database("jdbc:h2:file:" + dataDir + "/exitbot"));
        assertThat(dataDir.resolve("link-secret")).exists();
        assertThatThrownBy(() -> new LinkSecret("", properties, database("jdbc:postgresql://db.example/exitbot")))
                .as("names the secret generated before, so existing links can be kept")
                .hasMessageContaining(dataDir.resolve("link-secret").toAbsolutePath().toString());
    }

    private static DatabaseServer database(String url) {
        var dataSource = new DataSourceProperties();
        dataSource.setUrl(url);
        return new DatabaseServer(dataSource);
    }

    private static Interview interview() {
        return new Interview(UUID.randomUUID(), new NewInterview("E-1", "Robin Example", "robin@private.test",
                "Engineering", null, null, LocalDate.of(2026, 12, 31), "en", "default", "attributed"), 1L,
                Visibility.ATTRIBUTED, "hr", NOW);
    }

    private static String token(URI url) {
        String path = url.getPath();
        return path.substring(path.lastIndexOf('/') + 1);
    }
}

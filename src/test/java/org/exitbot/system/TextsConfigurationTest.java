package org.exitbot.system;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class TextsConfigurationTest {

    @Test
    void anOrganisationOverridesSomeTextsAndKeepsTheRest(@TempDir Path dir) throws Exception {
        Files.writeString(dir.resolve("messages_de.properties"),
                "mail.invitation.subject=Ihr Abschiedsgespräch bei {0}\n", java.nio.charset.StandardCharsets.UTF_8);
        var texts = new TextsConfiguration().messageSource(dir.toString());
        Locale german = Locale.GERMAN;
        assertThat(texts.getMessage("mail.invitation.subject", new Object[] {"Acme"}, german))
                .isEqualTo("Ihr Abschiedsgespräch bei Acme");
        assertThat(texts.getMessage("mail.reminder.subject", new Object[] {"Acme"}, german))
                .isEqualTo("Erinnerung: Ihr Austrittsgespräch mit Acme");
        assertThat(texts.getMessage("page.decline", null, Locale.ENGLISH)).isEqualTo("I don't want to take part");
    }

    @Test
    void withoutAFolderTheBuiltInTextsApplyInEveryLanguage() {
        var texts = new TextsConfiguration().messageSource("");
        for (String language : new String[] {"en", "de", "fr", "es"}) {
            assertThat(texts.getMessage("page.start", null, Locale.forLanguageTag(language))).isNotBlank();
        }
        assertThat(texts.getMessage("mail.button", null, Locale.FRENCH)).isEqualTo("Commencer l'entretien de départ");
    }
}

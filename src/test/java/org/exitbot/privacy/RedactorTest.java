package org.exitbot.privacy;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.exitbot.analysis.LabelledData;
import org.junit.jupiter.api.Test;

class RedactorTest {

    private static final List<String> PEOPLE = List.of("Robin Example", "Lena Fischer");

    @Test
    void emailsLinksAndPhoneNumbersAreRedacted() {
        String text = "Write to robin.example+jobs@mail.example.org, see https://portfolio.example/robin?x=1 or "
                + "www.example.com. Call +49 170 1234567 or (030) 123-4567.";
        assertThat(Redactor.redact(text, List.of())).isEqualTo(
                "Write to [email], see [link] or [link]. Call [phone] or [phone].");
    }

    @Test
    void streetAddressesAreRedactedInEveryLanguage() {
        assertThat(Redactor.redact("She lives at 221B Baker Street, London, and I at 12 Mill Lane.", List.of()))
                .isEqualTo("She lives at [address], London, and I at [address].");
        assertThat(Redactor.redact("Er wohnt in der Hauptstraße 5a in Köln, ich am Lindenweg 12.", List.of()))
                .isEqualTo("Er wohnt in der [address] in Köln, ich am [address].");
        assertThat(Redactor.redact("Il habite au 8 rue de la Paix, moi au 3 bis, avenue Foch.", List.of()))
                .isEqualTo("Il habite au [address], moi au [address].");
        assertThat(Redactor.redact("Vive en la Calle Mayor 12 y yo en la avenida de la Constitución, 5.", List.of()))
                .isEqualTo("Vive en la [address] y yo en la [address].");
    }

    @Test
    void datesYearsAndFiguresAreKept() {
        String text = "From 2019-2021 and again on 2026-12-31 (31.12.2026) I earned 30% less, about 45,000 a year.";
        assertThat(Redactor.redact(text, List.of())).isEqualTo(text);
    }

    @Test
    void knownNamesGoWholeOrInPartWhateverTheirCase() {
        String text = "Lena Fischer was fine, but LENA's boss and Robin's team lead ignored Mr Fischer. Lenala is a town.";
        assertThat(Redactor.redact(text, PEOPLE))
                .isEqualTo("[name] was fine, but [name] boss and [name] team lead ignored Mr [name]. Lenala is a town.");
    }

    @Test
    void unicodeNamesAreRedactedToo() {
        assertThat(Redactor.redact("Ich habe mit Jürgen Müller gesprochen, Müller weiß es.", List.of("Jürgen Müller")))
                .isEqualTo("Ich habe mit [name] gesprochen, [name] weiß es.");
    }

    @Test
    void thePersonasLoseTheirManagersNameAndAddedContactDetailsButNothingElse() throws Exception {
        JsonNode personas = new ObjectMapper().readTree(Path.of(LabelledData.PERSONAS).toFile());
        var redacted = new ArrayList<String>();
        for (JsonNode persona : personas) {
            for (JsonNode answer : persona.get("answers")) {
                String text = answer.asText() + " Reach me at leaver@private.example or +44 7700 900123.";
                String result = Redactor.redact(text, PEOPLE);
                assertThat(result).doesNotContain("leaver@private.example", "7700 900123", "Lena")
                        .contains("[email]", "[phone]");
                redacted.add(result);
            }
        }
        assertThat(String.join(" ", redacted)).contains("my manager, [name], has been very supportive")
                .contains("Melbourne").contains("30%");
    }
}

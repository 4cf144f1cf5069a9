package org.exitbot.analysis;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.exitbot.analysis.InterviewJudgement.Statement;
import org.junit.jupiter.api.Test;

class SummaryCheckTest {

    private static final String SAID = "My promotion came back \"not this cycle\" twice. The new role pays roughly 30% more. "
            + "Lena, my manager, fought for me.";
    private static final String QUESTIONS = "Acme Test Ltd\nWhat is the main reason you decided to leave?";

    @Test
    void statementsBackedByTheEmployeesWordsPass() {
        var statements = List.of(
                new Statement("The employee's promotion was deferred twice.", "came back \"not this cycle\" twice"),
                new Statement("The new role pays about 30% more.", "“The new role pays roughly 30% more.”"),
                new Statement("Their manager Lena supported them.", "Lena, my manager, fought for me."),
                new Statement("Their promotion came back \"not this cycle\".", "My promotion came back"));
        assertThat(SummaryCheck.flags(statements, SAID, "en", QUESTIONS)).isEmpty();
    }

    @Test
    void evidenceThatIsNotInTheTranscriptIsFlagged() {
        var flags = SummaryCheck.flags(List.of(new Statement("The employee felt underpaid.", "I was underpaid")), SAID,
                "en", QUESTIONS);
        assertThat(flags).singleElement().asString()
                .startsWith(SummaryCheck.PREFIX + "\"The employee felt underpaid.\"")
                .contains("its evidence is not in the employee's words");
    }

    @Test
    void anInventedNumberNameOrQuotationIsFlaggedEvenWithGoodEvidence() {
        String evidence = "The new role pays roughly 30% more.";
        assertThat(SummaryCheck.flags(List.of(new Statement("The new role pays 45% more.", evidence)), SAID, "en",
                QUESTIONS)).singleElement().asString().contains("the number 45");
        assertThat(SummaryCheck.flags(List.of(new Statement("The offer came from Globex.", evidence)), SAID, "en",
                QUESTIONS)).singleElement().asString().contains("names \"Globex\"");
        assertThat(SummaryCheck.flags(List.of(new Statement("They called it \"a total disgrace\".", evidence)), SAID,
                "en", QUESTIONS)).singleElement().asString().contains("quotes \"a total disgrace\"");
        assertThat(SummaryCheck.flags(List.of(new Statement("It took four promotion rounds.", evidence)), SAID, "en",
                QUESTIONS)).singleElement().asString().contains("the number 4");
    }

    @Test
    void numbersWrittenAsWordsInTheInterviewsLanguageCount() {
        String said = "Ich war vier Jahre im Team und habe zweimal gefragt.";
        var statements = List.of(new Statement("They spent 4 years in the team and asked twice.", "vier Jahre im Team"));
        assertThat(SummaryCheck.flags(statements, said, "de", QUESTIONS)).isEmpty();
    }
}

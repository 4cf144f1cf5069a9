package org.exitbot.report;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import org.exitbot.analysis.CorrectionFixtures;
import org.exitbot.report.AgreementReport.Agreement;
import org.exitbot.report.AgreementReport.Group;
import org.junit.jupiter.api.Test;

/**
 * The agreement report of the fallback on the project's labelled set, its labels taken as HR's corrections (every
 * labelled answer and persona one corrected interview), with the defaults k = 5 and 20 reviews. The figures are
 * printed and written to {@code target/agreement/labelled-set.txt}; they must equal the evaluation's
 * ({@code ./mvnw -Peval verify}, README "Analysis quality"), since both count with {@code AgreementMetrics}.
 */
class LabelledSetAgreementTest {

    @Test
    void theFallbacksAgreementOnTheLabelledSetIsTheEvaluationsFigures() throws Exception {
        var items = CorrectionFixtures.labelledSetAnalysedByTheFallback();
        Agreement report = AgreementReport.compute(items, items.size(), 5, 20, 0.6);
        var out = new StringBuilder(String.format(Locale.ROOT, "%-11s %-8s %10s %6s %9s %13s  %s%n", "set",
                "language", "interviews", "items", "sent_acc", "sent_macro_f1", "themes: precision/recall (F1), * check by hand"));
        table(out, "answers", report.answers());
        table(out, "interviews", report.interviews());
        System.out.println(out);
        Files.createDirectories(Path.of("target", "agreement"));
        Files.writeString(Path.of("target", "agreement", "labelled-set.txt"), out);

        Group answers = report.answers().stream().filter(g -> g.language() == null).findFirst().orElseThrow();
        assertThat(answers.items()).isEqualTo(280);
        // the evaluation's fallback figures on the same answers (README, "Analysis quality")
        assertThat(answers.sentimentAccuracy()).isCloseTo(0.682, within(0.0005));
        assertThat(answers.sentimentMacroF1()).isCloseTo(0.680, within(0.0005));
        Group german = report.interviews().stream().filter(g -> "de".equals(g.language())).findFirst().orElseThrow();
        assertThat(german.interviews().suppressed()).as("one German persona: fewer than k").isTrue();
    }

    private static void table(StringBuilder out, String set, java.util.List<Group> groups) {
        for (Group g : groups) {
            out.append(String.format(Locale.ROOT, "%-11s %-8s %10s %6s %9s %13s  %s%n", set,
                    g.language() == null ? "overall" : g.language(), g.interviews().shown(),
                    g.items() == null ? "-" : g.items(), figure(g.sentimentAccuracy()), figure(g.sentimentMacroF1()),
                    String.join(", ", g.themes().stream().map(t -> t.theme() + " " + (t.f1() == null ? "fewer than k"
                            : figure(t.precision()) + "/" + figure(t.recall()) + " (" + figure(t.f1()) + ")"
                            + (t.checkByHand() ? "*" : ""))).toList())));
        }
    }

    private static String figure(Double value) {
        return value == null ? "-" : String.format(Locale.ROOT, "%.3f", value);
    }
}

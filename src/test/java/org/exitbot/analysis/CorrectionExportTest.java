package org.exitbot.analysis;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.exitbot.ExitBotIntegrationTest;
import org.exitbot.analysis.CorrectionFixtures.Corrected;
import org.exitbot.privacy.Redactor;
import org.exitbot.security.TranscriptRead;
import org.exitbot.security.TranscriptReads;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.JdbcTemplate;

/** HR's corrections leave the app as a labelled set that the evaluation reads: export → evaluation. */
class CorrectionExportTest extends ExitBotIntegrationTest {

    @Autowired
    TestRestTemplate http;

    @Autowired
    JdbcTemplate jdbc;

    @Autowired
    AnalysisCorrections corrections;

    @Autowired
    TranscriptReads transcriptReads;

    @Test
    void theExportIsALabelledSetTheEvaluationMeasuresRedactedAndAudited() throws Exception {
        var fixtures = new CorrectionFixtures(jdbc, corrections);
        String marker = UUID.randomUUID().toString().substring(0, 8);
        UUID german = fixtures.insert(new Corrected("llm", "analysis/v2", "de", "Zu viele Überstunden " + marker
                + ", sagt " + CorrectionFixtures.NAME + ".", Sentiment.POSITIVE, Set.of(), Sentiment.NEGATIVE,
                Set.of(Theme.WORKLOAD_STRESS)));
        UUID english = fixtures.insert(new Corrected("llm", "analysis/v2", "en", "My manager was great " + marker
                + "; mail me at someone@private.test.",
                Sentiment.POSITIVE, Set.of(), Sentiment.POSITIVE, Set.of(Theme.MANAGER_RELATIONSHIP)));

        var response = http.withBasicAuth(HR_USER, HR_PASSWORD).getForEntity("/api/corrections/export", String.class);
        assertThat(response.getHeaders().getContentType()).isNotNull();
        assertThat(response.getHeaders().getContentType().isCompatibleWith(MediaType.parseMediaType("application/x-ndjson")))
                .isTrue();
        List<String> ours = response.getBody().lines().filter(line -> line.contains(marker)).toList();
        assertThat(ours).hasSize(2);
        Path file = Files.createTempDirectory(Path.of("target"), "export").resolve("corrected.jsonl");
        Files.write(file, ours);

        var answers = LabelledData.answers(file);
        assertThat(answers).extracting(LabelledData.Answer::lang).containsExactly("de", "en");
        assertThat(answers).extracting(LabelledData.Answer::question).containsOnly("reasons_for_leaving");
        assertThat(answers).extracting(LabelledData.Answer::sentiment).containsExactly(Sentiment.NEGATIVE,
                Sentiment.POSITIVE);
        assertThat(answers.get(0).themes()).containsExactly(Theme.WORKLOAD_STRESS);
        assertThat(answers.get(0).text()).as("the employee's name is redacted").contains(Redactor.NAME)
                .doesNotContain("Reported Person");
        assertThat(answers.get(1).text()).contains(Redactor.EMAIL).doesNotContain("someone@private.test");

        @SuppressWarnings("unchecked")
        var figures = (Map<String, Object>) new AnalysisEvaluation().evaluate(file, null,
                List.of(AnalysisEvaluation.fallback())).get("fallback");
        @SuppressWarnings("unchecked")
        var count = (Map<String, Number>) figures.get("count");
        assertThat(count).containsEntry("overall", 2).containsEntry("de", 1).containsEntry("en", 1);

        assertThat(transcriptReads.list(german, 10)).extracting(TranscriptRead::reader, TranscriptRead::channel)
                .contains(org.assertj.core.api.Assertions.tuple(HR_USER, TranscriptRead.Channel.EXPORT));
        assertThat(transcriptReads.list(english, 10)).extracting(TranscriptRead::channel)
                .contains(TranscriptRead.Channel.EXPORT);
    }
}

package org.exitbot.report;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.EnumSet;
import java.util.Set;
import java.util.UUID;
import org.exitbot.ExitBotIntegrationTest;
import org.exitbot.analysis.AnalysisCorrections;
import org.exitbot.analysis.CorrectionFixtures;
import org.exitbot.analysis.CorrectionFixtures.Corrected;
import org.exitbot.analysis.Sentiment;
import org.exitbot.analysis.Theme;
import org.exitbot.analysis.ThemeTrust;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.jdbc.core.JdbcTemplate;

/** {@code GET /api/reports/agreement} over corrections stored in the database, and the review form's marks. */
class AgreementApiTest extends ExitBotIntegrationTest {

    @Autowired
    TestRestTemplate http;

    @Autowired
    JdbcTemplate jdbc;

    @Autowired
    AnalysisCorrections corrections;

    @Autowired
    ThemeTrust themeTrust;

    @Test
    void theReportCountsEachModelAgainstHrAndMarksTheThemesToCheckByHand() {
        String model = "agreement-" + UUID.randomUUID().toString().substring(0, 8);
        var fixtures = new CorrectionFixtures(jdbc, corrections);
        // 20 interviews of one model (k = 5 and at least 20 reviews, the defaults); interview i:
        //   sentiment: HR negative for all; the analysis negative for 0-14, positive for 15-19 → accuracy 15/20
        //   workload_stress: HR and analysis both in 0-9 → precision 1, recall 1
        //   recognition: the analysis in 0-9, HR in none → precision 0/10 = 0, recall undefined, F1 0: check by hand
        for (int i = 0; i < 20; i++) {
            Set<Theme> analysis = EnumSet.noneOf(Theme.class);
            Set<Theme> hr = EnumSet.noneOf(Theme.class);
            if (i < 10) {
                analysis.add(Theme.WORKLOAD_STRESS);
                analysis.add(Theme.RECOGNITION);
                hr.add(Theme.WORKLOAD_STRESS);
            }
            fixtures.insert(new Corrected(model, "analysis/v2", "en", "Too much work, " + CorrectionFixtures.NAME + ".",
                    i < 15 ? Sentiment.NEGATIVE : Sentiment.POSITIVE, analysis, Sentiment.NEGATIVE, hr));
        }

        JsonNode report = hr().getForObject("/api/reports/agreement", JsonNode.class);
        assertThat(report.get("reviews").asInt()).isGreaterThanOrEqualTo(20);
        assertThat(report.get("note").isNull()).isTrue();
        JsonNode group = group(report.get("interviews"), model, "analysis/v2");
        assertThat(group.at("/interviews/count").asInt()).isEqualTo(20);
        assertThat(group.get("sentimentAccuracy").asDouble()).isCloseTo(15.0 / 20, within(1e-9));
        // negative: tp 15, predicted 15, expected 20 → F1 30/35; positive: tp 0, predicted 5, expected 0 → 0
        assertThat(group.get("sentimentMacroF1").asDouble()).isCloseTo((30.0 / 35 + 0) / 2, within(1e-9));
        JsonNode workload = theme(group, "workload_stress");
        assertThat(workload.get("precision").asDouble()).isEqualTo(1.0);
        assertThat(workload.get("recall").asDouble()).isEqualTo(1.0);
        assertThat(workload.get("checkByHand").asBoolean()).isFalse();
        JsonNode recognition = theme(group, "recognition");
        assertThat(recognition.get("precision").asDouble()).isZero();
        assertThat(recognition.get("recall").isNull()).as("HR never named it").isTrue();
        assertThat(recognition.get("checkByHand").asBoolean()).isTrue();
        assertThat(group(report.get("answers"), model, "answer-analysis/v1").get("sentimentAccuracy").asDouble())
                .as("each answer is counted apart from its interview").isCloseTo(15.0 / 20, within(1e-9));
        assertThat(group(report.get("interviews"), "fallback:lexicons+keywords", "fallback/v3"))
                .as("the fallback, run again on the same answers, is measured too").isNotNull();

        assertThat(themeTrust.checkByHand(model, "analysis/v2")).containsExactly(Theme.RECOGNITION);
        assertThat(themeTrust.checkByHand(model, "analysis/v1")).as("another prompt version is not known").isEmpty();
    }

    @Test
    void theReportNeedsTheReportsScopeAndTheExportHrsRights() {
        assertThat(http.getForEntity("/api/reports/agreement", String.class).getStatusCode())
                .isEqualTo(HttpStatus.UNAUTHORIZED);
        assertThat(withKey(START_KEY, "/api/reports/agreement")).isEqualTo(HttpStatus.FORBIDDEN);
        assertThat(withKey(START_KEY, "/api/corrections/export")).isEqualTo(HttpStatus.FORBIDDEN);
        assertThat(withKey(API_KEY, "/api/reports/agreement")).isEqualTo(HttpStatus.OK);
    }

    private HttpStatus withKey(String key, String path) {
        var headers = new HttpHeaders();
        headers.set("X-API-Key", key);
        return HttpStatus.valueOf(http.exchange(path, HttpMethod.GET, new HttpEntity<>(headers), String.class)
                .getStatusCode().value());
    }

    private static JsonNode group(JsonNode groups, String model, String promptVersion) {
        for (JsonNode group : groups) {
            if (group.get("model").asText().equals(model) && group.get("promptVersion").asText().equals(promptVersion)
                    && group.get("language").isNull()) {
                return group;
            }
        }
        throw new AssertionError("No group " + model + " " + promptVersion + " in " + groups);
    }

    private static JsonNode theme(JsonNode group, String theme) {
        for (JsonNode row : group.get("themes")) {
            if (row.get("theme").asText().equals(theme)) {
                return row;
            }
        }
        throw new AssertionError("No theme " + theme + " in " + group);
    }

    private TestRestTemplate hr() {
        return http.withBasicAuth(HR_USER, HR_PASSWORD);
    }
}

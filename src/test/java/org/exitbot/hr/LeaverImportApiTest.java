package org.exitbot.hr;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.UUID;
import org.exitbot.ExitBotIntegrationTest;
import org.exitbot.interview.Interview;
import org.exitbot.interview.InterviewRepository;
import org.exitbot.interview.Visibility;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.core.io.ByteArrayResource;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.util.LinkedMultiValueMap;

class LeaverImportApiTest extends ExitBotIntegrationTest {

    @Autowired
    TestRestTemplate http;

    @Autowired
    InterviewRepository interviews;

    @Test
    void validRowsStartAndEveryBadRowIsReportedWithItsLineAndFields() {
        String a = id();
        String b = id();
        String csv = "employeeId,name,email,department,lastWorkingDay,locale,visibility\n"
                + a + ",Ana Ok,ana@private.test,Sales,2026-12-01,es,anonymous\n"
                + ",No Id,bad-email,Sales,2026-12-01,,\n"
                + b + ",Bo \"Quoted\" Ok,bo@private.test,\"Sales, North\",2026-12-02,,\n"
                + id() + ",Late Date,late@private.test,Sales,01.12.2026,,\n"
                + a + ",Ana Again,ana@private.test,Sales,2026-12-01,,\n"
                + id() + ",Wrong Locale,wl@private.test,Sales,2026-12-01,it,\n";
        long before = interviews.count();

        ResponseEntity<JsonNode> response = upload(csv);

        assertThat(response.getStatusCode()).isEqualTo(HttpStatus.OK);
        JsonNode report = response.getBody();
        assertThat(report.get("started").asInt()).isEqualTo(2);
        assertThat(report.get("failed").asInt()).isEqualTo(4);
        JsonNode rows = report.get("rows");
        assertThat(rows).extracting(r -> r.get("outcome").asText())
                .containsExactly("started", "failed", "started", "failed", "failed", "failed");
        assertThat(rows.get(1).get("line").asInt()).isEqualTo(3);
        assertThat(rows.get(1).get("errors")).extracting(e -> e.get("field").asText())
                .containsExactly("email", "employeeId");
        assertThat(rows.get(3).at("/errors/0/field").asText()).isEqualTo("lastWorkingDay");
        assertThat(rows.get(4).at("/errors/0/message").asText()).contains("already has an open exit interview");
        assertThat(rows.get(5).at("/errors/0/field").asText()).isEqualTo("locale");

        assertThat(interviews.count()).as("no row half-done").isEqualTo(before + 2);
        Interview bo = interviews.findById(UUID.fromString(rows.get(2).get("interviewId").asText())).orElseThrow();
        assertThat(bo.getName()).isEqualTo("Bo \"Quoted\" Ok");
        assertThat(bo.getDepartment()).isEqualTo("Sales, North");
        assertThat(bo.getProcessInstanceId()).isNotNull();
        Interview ana = interviews.findById(UUID.fromString(rows.get(0).get("interviewId").asText())).orElseThrow();
        assertThat(ana.getVisibility()).isEqualTo(Visibility.ANONYMOUS);
        assertThat(ana.getLocale()).isEqualTo("es");
        runDueJobs();
        assertThat(smtp.getReceivedMessagesForDomain("bo@private.test")).hasSize(1);
    }

    @Test
    void theDashboardUploadsTheSameCsvAsAFile() {
        var parts = new LinkedMultiValueMap<String, Object>();
        byte[] file = ("\uFEFFemployee_id,Name,EMAIL,department,last working day\n" + id()
                + ",File Row,file@private.test,Ops,2026-11-30\n").getBytes(java.nio.charset.StandardCharsets.UTF_8);
        parts.add("file", new ByteArrayResource(file) {
            @Override
            public String getFilename() {
                return "leavers.csv";
            }
        });
        var headers = new HttpHeaders();
        headers.setContentType(MediaType.MULTIPART_FORM_DATA);
        JsonNode report = hr().postForObject("/api/interviews/import", new HttpEntity<>(parts, headers), JsonNode.class);
        assertThat(report.get("started").asInt()).isEqualTo(1);
    }

    @Test
    void aFileThatIsNotALeaverListIsRefusedWhole() {
        ResponseEntity<JsonNode> unknownColumn = upload("employeeId,name,email,department,lastWorkingDay,salary\n"
                + id() + ",X,x@private.test,Ops,2026-12-01,100\n");
        assertThat(unknownColumn.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
        assertThat(unknownColumn.getBody().at("/errors/0/message").asText()).contains("salary");

        ResponseEntity<JsonNode> missingColumns = upload("employeeId,name\nE-1,X\n");
        assertThat(missingColumns.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
        assertThat(missingColumns.getBody().get("errors")).extracting(e -> e.get("message").asText())
                .contains("lacks the required column email", "lacks the required column lastWorkingDay");

        ResponseEntity<JsonNode> headerOnly = upload("employeeId,name,email,department,lastWorkingDay\n");
        assertThat(headerOnly.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
        assertThat(headerOnly.getBody().at("/errors/0/message").asText()).contains("no rows");

        assertThat(upload("").getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
        assertThat(http.postForEntity("/api/interviews/import", new HttpEntity<>("x", csvHeaders()), JsonNode.class)
                .getStatusCode()).isEqualTo(HttpStatus.UNAUTHORIZED);
    }

    private ResponseEntity<JsonNode> upload(String csv) {
        return hr().postForEntity("/api/interviews/import", new HttpEntity<>(csv.getBytes(java.nio.charset.StandardCharsets.UTF_8), csvHeaders()),
                JsonNode.class);
    }

    private static HttpHeaders csvHeaders() {
        var headers = new HttpHeaders();
        headers.setContentType(MediaType.parseMediaType("text/csv"));
        return headers;
    }

    private static String id() {
        return "L-" + UUID.randomUUID().toString().substring(0, 8);
    }

    private TestRestTemplate hr() {
        return http.withBasicAuth(HR_USER, HR_PASSWORD);
    }
}

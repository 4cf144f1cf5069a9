package org.exitbot.hr;

import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.eq;
import static org.mockito.Mockito.verifyNoInteractions;
import static org.mockito.Mockito.when;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.security.Principal;
import java.util.UUID;
import org.exitbot.conversation.ExitInterviews;
import org.exitbot.interview.InterviewService;
import org.exitbot.security.TranscriptReads;
import org.exitbot.system.ConflictException;
import org.exitbot.system.NotFoundException;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.autoconfigure.web.servlet.AutoConfigureMockMvc;
import org.springframework.boot.test.autoconfigure.web.servlet.WebMvcTest;
import org.springframework.context.annotation.ComponentScan;
import org.springframework.context.annotation.FilterType;
import org.springframework.http.MediaType;
import org.springframework.test.context.bean.override.mockito.MockitoBean;
import org.springframework.test.web.servlet.MockMvc;

/** {@code /api/interviews}: what it refuses, and how every refusal reads (RFC 7807, the right 4xx). */
@WebMvcTest(controllers = InterviewController.class, excludeFilters = @ComponentScan.Filter(type = FilterType.REGEX,
        pattern = "org\\.exitbot\\.security\\..*"))
@AutoConfigureMockMvc(addFilters = false)
class InterviewControllerTest {

    static final Principal HR = () -> "hr";
    static final String VALID = """
            {"employeeId": "E-1", "name": "Robin Example", "email": "robin@private.test",
             "department": "Engineering", "lastWorkingDay": "2026-12-31"}""";

    @Autowired
    MockMvc mvc;

    @MockitoBean
    ExitInterviews exitInterviews;

    @MockitoBean
    InterviewService interviews;

    @MockitoBean
    InterviewDetailsService details;

    @MockitoBean
    LeaverImport leaverImport;

    @MockitoBean
    TranscriptReads transcriptReads;

    @Test
    void aBodyThatBreaksTheRulesIsA400ListingEachField() throws Exception {
        mvc.perform(post("/api/interviews").principal(HR).contentType(MediaType.APPLICATION_JSON).content("""
                        {"employeeId": "E 1", "name": "", "email": "not-an-email", "department": "Engineering",
                         "lastWorkingDay": "2026-12-31", "visibility": "public"}"""))
                .andExpect(status().isBadRequest())
                .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
                .andExpect(jsonPath("$.title").value("Invalid input"))
                .andExpect(jsonPath("$.errors[*].field").value(org.hamcrest.Matchers.contains("email", "employeeId",
                        "name", "visibility")));
        verifyNoInteractions(exitInterviews);
    }

    @Test
    void aDateThatIsNoIsoDateNamesTheField() throws Exception {
        mvc.perform(post("/api/interviews").principal(HR).contentType(MediaType.APPLICATION_JSON)
                        .content(VALID.replace("2026-12-31", "31.12.2026")))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].field").value("lastWorkingDay"))
                .andExpect(jsonPath("$.errors[0].message").value("must be an ISO date such as 2026-12-31"));
    }

    @Test
    void aBodyThatIsNoJsonIsAMalformedRequest() throws Exception {
        mvc.perform(post("/api/interviews").principal(HR).contentType(MediaType.APPLICATION_JSON).content("{"))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.title").value("Malformed request"));
    }

    @Test
    void anEmployeeWithAnOpenInterviewIsA409() throws Exception {
        when(exitInterviews.start(any(), eq("hr"))).thenThrow(new ConflictException("Interview already open",
                "Employee E-1 already has an open exit interview"));
        mvc.perform(post("/api/interviews").principal(HR).contentType(MediaType.APPLICATION_JSON).content(VALID))
                .andExpect(status().isConflict())
                .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
                .andExpect(jsonPath("$.title").value("Interview already open"))
                .andExpect(jsonPath("$.detail").value("Employee E-1 already has an open exit interview"));
    }

    @Test
    void anUnknownInterviewIsA404AndNoReadIsLogged() throws Exception {
        UUID id = UUID.randomUUID();
        when(details.details(id)).thenThrow(new NotFoundException("Not found", "There is no interview " + id));
        mvc.perform(get("/api/interviews/{id}", id).principal(HR))
                .andExpect(status().isNotFound())
                .andExpect(jsonPath("$.title").value("Not found"));
        verifyNoInteractions(transcriptReads);
    }

    @Test
    void anUnknownStatusOrAnOutOfRangeLimitIsA400() throws Exception {
        mvc.perform(get("/api/interviews").param("status", "lost").principal(HR))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].field").value("status"));
        mvc.perform(get("/api/interviews").param("limit", "0").principal(HR))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].field").value("limit"));
    }

    @Test
    void anIdThatIsNoUuidIsA400NotA500() throws Exception {
        mvc.perform(get("/api/interviews/not-a-uuid").principal(HR))
                .andExpect(status().isBadRequest());
    }
}

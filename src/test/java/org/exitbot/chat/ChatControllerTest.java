package org.exitbot.chat;

import static org.mockito.ArgumentMatchers.any;
import static org.mockito.Mockito.when;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.util.List;
import java.util.Map;
import org.exitbot.interview.InterviewStatus;
import org.exitbot.interview.Visibility;
import org.exitbot.system.ConflictException;
import org.exitbot.system.GoneException;
import org.exitbot.system.InvalidInputException;
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

/** The employee's API: how a dead link, a wrong step and a bad answer read, with no detail about any interview. */
@WebMvcTest(controllers = ChatController.class, excludeFilters = @ComponentScan.Filter(type = FilterType.REGEX,
        pattern = "org\\.exitbot\\.security\\..*"))
@AutoConfigureMockMvc(addFilters = false)
class ChatControllerTest {

    static final String TOKEN = "A".repeat(43);

    @Autowired
    MockMvc mvc;

    @MockitoBean
    ChatService chat;

    @MockitoBean
    ChatEvents events;

    @Test
    void aTokenThatOpensNothingIsA404() throws Exception {
        when(chat.state(TOKEN)).thenThrow(new NotFoundException("Link not found", "This link does not open an interview."));
        mvc.perform(get("/api/chat/{token}", TOKEN))
                .andExpect(status().isNotFound())
                .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
                .andExpect(jsonPath("$.title").value("Link not found"));
    }

    @Test
    void anExpiredOrClosedLinkIsA410() throws Exception {
        when(chat.skip(TOKEN, null)).thenThrow(new GoneException("Link no longer valid", "This interview link has expired."));
        mvc.perform(post("/api/chat/{token}/skip", TOKEN))
                .andExpect(status().isGone())
                .andExpect(jsonPath("$.detail").value("This interview link has expired."));
    }

    @Test
    void anAnswerWhileTheBotIsStillWorkingIsA409() throws Exception {
        when(chat.answer(any(), any(), any())).thenThrow(new ConflictException("Not now", "ExitBot is still preparing."));
        mvc.perform(post("/api/chat/{token}/messages", TOKEN).contentType(MediaType.APPLICATION_JSON)
                        .content("{\"text\": \"Hello\", \"inReplyTo\": 41}"))
                .andExpect(status().isConflict())
                .andExpect(jsonPath("$.title").value("Not now"));
    }

    @Test
    void aStaleAnswerIsA409CarryingTheCurrentState() throws Exception {
        var now = new ChatState(InterviewStatus.IN_PROGRESS, "ACME", "en", null, true, Visibility.ATTRIBUTED, false, 4,
                List.of(), new ChatState.Awaiting("question", 2, 4, 43L), null);
        when(chat.answer(TOKEN, 41L, "Hello")).thenThrow(new ConflictException("Conversation moved on",
                "This question was already answered.", Map.of("state", now)));
        mvc.perform(post("/api/chat/{token}/messages", TOKEN).contentType(MediaType.APPLICATION_JSON)
                        .content("{\"text\": \"Hello\", \"inReplyTo\": 41}"))
                .andExpect(status().isConflict())
                .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
                .andExpect(jsonPath("$.title").value("Conversation moved on"))
                .andExpect(jsonPath("$.state.awaiting.messageId").value(43))
                .andExpect(jsonPath("$.state.awaiting.questionNumber").value(2));
    }

    @Test
    void anEmptyAnswerIsA400NamingTheField() throws Exception {
        when(chat.answer(TOKEN, 41L, "")).thenThrow(new InvalidInputException("text", "must not be empty"));
        mvc.perform(post("/api/chat/{token}/messages", TOKEN).contentType(MediaType.APPLICATION_JSON)
                        .content("{\"text\": \"\", \"inReplyTo\": 41}"))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].field").value("text"))
                .andExpect(jsonPath("$.errors[0].message").value("must not be empty"));
    }

    @Test
    void aConsentWithAnUnknownVisibilityIsA400() throws Exception {
        mvc.perform(post("/api/chat/{token}/consent", TOKEN).contentType(MediaType.APPLICATION_JSON)
                        .content("{\"visibility\": \"public\"}"))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].field").value("visibility"));
    }
}

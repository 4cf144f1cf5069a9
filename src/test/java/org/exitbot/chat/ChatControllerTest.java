package org.exitbot.chat;

import static org.mockito.ArgumentMatchers.any;
import static org.mockito.Mockito.when;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

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
        when(chat.skip(TOKEN)).thenThrow(new GoneException("Link no longer valid", "This interview link has expired."));
        mvc.perform(post("/api/chat/{token}/skip", TOKEN))
                .andExpect(status().isGone())
                .andExpect(jsonPath("$.detail").value("This interview link has expired."));
    }

    @Test
    void anAnswerWhileTheBotIsStillWorkingIsA409() throws Exception {
        when(chat.answer(any(), any())).thenThrow(new ConflictException("Not now", "ExitBot is still preparing."));
        mvc.perform(post("/api/chat/{token}/messages", TOKEN).contentType(MediaType.APPLICATION_JSON)
                        .content("{\"text\": \"Hello\"}"))
                .andExpect(status().isConflict())
                .andExpect(jsonPath("$.title").value("Not now"));
    }

    @Test
    void anEmptyAnswerIsA400NamingTheField() throws Exception {
        when(chat.answer(TOKEN, "")).thenThrow(new InvalidInputException("text", "must not be empty"));
        mvc.perform(post("/api/chat/{token}/messages", TOKEN).contentType(MediaType.APPLICATION_JSON)
                        .content("{\"text\": \"\"}"))
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

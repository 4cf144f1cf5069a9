package org.exitbot.chat;

import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;

/** The page behind the emailed link; it reads its token from its own address and talks to {@code /api/chat}. */
@Controller
class ChatPageController {

    @GetMapping("/i/{token}")
    String page() {
        return "chat";
    }
}

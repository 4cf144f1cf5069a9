package org.exitbot.chat;

import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

@RestController
@RequestMapping("/api/chat/{token}")
class ChatController {

    private final ChatService chat;

    ChatController(ChatService chat) {
        this.chat = chat;
    }

    record NewMessage(String text) {
    }

    @GetMapping
    ChatState state(@PathVariable String token) {
        return chat.state(token);
    }

    @PostMapping("/messages")
    ChatState answer(@PathVariable String token, @RequestBody NewMessage message) {
        return chat.answer(token, message.text());
    }

    @PostMapping("/skip")
    ChatState skip(@PathVariable String token) {
        return chat.skip(token);
    }

    @PostMapping("/stop")
    ChatState stop(@PathVariable String token) {
        return chat.stop(token);
    }
}

package org.exitbot.chat;

import org.exitbot.interview.Visibility;
import org.exitbot.system.InvalidInputException;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.servlet.mvc.method.annotation.SseEmitter;

@RestController
@RequestMapping("/api/chat/{token}")
class ChatController {

    private final ChatService chat;
    private final ChatEvents events;

    ChatController(ChatService chat, ChatEvents events) {
        this.chat = chat;
        this.events = events;
    }

    record NewMessage(String text) {
    }

    /** @param inReplyTo the id of the question or follow-up answered, {@code awaiting.messageId} of the state */
    record Answer(String text, Long inReplyTo) {
    }

    record Skip(Long inReplyTo) {
    }

    record Consent(Visibility visibility) {
    }

    /** A correction of a statement ({@code text}), or its removal ({@code removed}), at the version the page saw. */
    record StatementChange(String text, Boolean removed, Integer version) {
    }

    record ThemeChange(Boolean removed, Integer version) {
    }

    record Confirmation(Integer version) {
    }

    @GetMapping
    ChatState state(@PathVariable String token) {
        return chat.state(token);
    }

    @GetMapping(path = "/events", produces = MediaType.TEXT_EVENT_STREAM_VALUE)
    SseEmitter events(@PathVariable String token) {
        return events.subscribe(chat.open(token).getId(), token);
    }

    @PostMapping("/consent")
    ChatState consent(@PathVariable String token, @RequestBody(required = false) Consent consent) {
        return chat.consent(token, consent == null ? null : consent.visibility());
    }

    @PostMapping("/messages")
    ChatState answer(@PathVariable String token, @RequestBody Answer answer) {
        return chat.answer(token, answer.inReplyTo(), answer.text());
    }

    @PutMapping("/answers/{messageId}")
    ChatState edit(@PathVariable String token, @PathVariable Long messageId, @RequestBody NewMessage message) {
        return chat.edit(token, messageId, message.text());
    }

    @PostMapping("/skip")
    ChatState skip(@PathVariable String token, @RequestBody(required = false) Skip skip) {
        return chat.skip(token, skip == null ? null : skip.inReplyTo());
    }

    @PostMapping("/stop")
    ChatState stop(@PathVariable String token) {
        return chat.stop(token);
    }

    @PostMapping("/erase")
    ResponseEntity<Void> erase(@PathVariable String token) {
        chat.erase(token);
        return ResponseEntity.noContent().build();
    }

    @PutMapping("/summary/statements/{position}")
    ChatState changeStatement(@PathVariable String token, @PathVariable int position,
            @RequestBody StatementChange change) {
        int version = required(change.version());
        return Boolean.TRUE.equals(change.removed()) ? chat.removeStatement(token, position, version)
                : chat.correctStatement(token, position, change.text(), version);
    }

    /** Removes a theme from what HR will read; {@code "removed": false} puts it back. */
    @PutMapping("/summary/themes/{code}")
    ChatState changeTheme(@PathVariable String token, @PathVariable String code, @RequestBody ThemeChange change) {
        if (change.removed() == null) {
            throw new InvalidInputException("removed", "must be true (remove the theme) or false (put it back)");
        }
        return chat.removeTheme(token, code, change.removed(), required(change.version()));
    }

    @PostMapping("/summary/confirm")
    ChatState confirmSummary(@PathVariable String token, @RequestBody Confirmation confirmation) {
        return chat.confirmSummary(token, required(confirmation.version()));
    }

    private static int required(Integer version) {
        if (version == null) {
            throw new InvalidInputException("version", "must be the summary's version the page shows");
        }
        return version;
    }

    @PostMapping("/finish")
    ChatState finish(@PathVariable String token) {
        return chat.finish(token);
    }
}

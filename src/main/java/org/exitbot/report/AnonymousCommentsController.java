package org.exitbot.report;

import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** {@code GET /api/anonymous-comments}: what anonymous employees said, per group, once the group is large enough. */
@RestController
class AnonymousCommentsController {

    private final AnonymousCommentsReport comments;

    AnonymousCommentsController(AnonymousCommentsReport comments) {
        this.comments = comments;
    }

    @GetMapping("/api/anonymous-comments")
    AnonymousCommentsReport.Report comments(@RequestParam(required = false) String department) {
        return comments.report(department);
    }
}

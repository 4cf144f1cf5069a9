package org.exitbot.report;

import java.security.SecureRandom;
import java.time.Clock;
import java.time.YearMonth;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;
import org.exitbot.privacy.AnonymousComments;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The words of anonymous interviews as HR may read them: per group, only in periods that hold at least k anonymous
 * interviews (see {@link CommentPeriods}), redacted as they were cut from their interviews, in random order, with
 * nothing that tells which comments came from the same person, dated by their period.
 */
@Service
public class AnonymousCommentsReport {

    /** @param open whether the group holds enough anonymous interviews for its comments to show */
    public record Group(String group, boolean open, Integer interviews, List<Comment> comments) {
    }

    /** @param demo left by a generated demo interview (EXITBOT_DEMO_DATA) */
    public record Comment(String period, String questionId, String text, boolean demo) {
    }

    public record Report(int minGroupSize, List<Group> groups) {
    }

    private final AnonymousComments comments;
    private final ReportProperties properties;
    private final Clock clock;
    private final Random random = new SecureRandom();

    AnonymousCommentsReport(AnonymousComments comments, ReportProperties properties, Clock clock) {
        this.comments = comments;
        this.properties = properties;
        this.clock = clock;
    }

    /** @param department one group, or null for all */
    @Transactional(readOnly = true)
    public Report report(String department) {
        int k = properties.minGroupSize();
        YearMonth current = YearMonth.now(clock.withZone(ZoneOffset.UTC));
        var groups = new ArrayList<Group>();
        for (String group : comments.groups()) {
            if (department == null || department.isBlank() || group.equalsIgnoreCase(department.strip())) {
                groups.add(group(group, CommentPeriods.of(comments.counts(group), k, current)));
            }
        }
        return new Report(k, List.copyOf(groups));
    }

    private Group group(String group, CommentPeriods periods) {
        if (!periods.open()) {
            return new Group(group, false, null, List.of());
        }
        var shown = new ArrayList<Comment>();
        int interviews = 0;
        for (CommentPeriods.Period period : periods.released()) {
            interviews += period.interviews();
            comments.comments(group, period.from(), period.to()).forEach(comment ->
                    shown.add(new Comment(period.label(), comment.questionId(), comment.text(),
                            comment.demo())));
        }
        Collections.shuffle(shown, random);
        return new Group(group, true, interviews, List.copyOf(shown));
    }
}

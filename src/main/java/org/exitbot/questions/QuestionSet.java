package org.exitbot.questions;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;

/** One immutable version of a question set in one locale; an interview keeps the version it started with. */
@Entity
@Table(name = "question_set")
public class QuestionSet {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @Column(nullable = false)
    private String name;

    @Column(nullable = false)
    private String locale;

    @Column(nullable = false)
    private int version;

    @Column(nullable = false)
    private String title;

    @Column(name = "questions", nullable = false)
    private String questionsJson;

    /** The scripted follow-ups as JSON; null in versions saved before they existed. */
    @Column(name = "follow_ups")
    private String followUpsJson;

    @Column(name = "created_at", nullable = false)
    private Instant createdAt;

    @Column(name = "created_by", nullable = false)
    private String createdBy;

    protected QuestionSet() {
    }

    QuestionSet(String name, String locale, int version, String title, String questionsJson, String followUpsJson,
            Instant createdAt, String createdBy) {
        this.name = name;
        this.locale = locale;
        this.version = version;
        this.title = title;
        this.questionsJson = questionsJson;
        this.followUpsJson = followUpsJson;
        this.createdAt = createdAt;
        this.createdBy = createdBy;
    }

    public Long getId() { return id; }
    public String getName() { return name; }
    public String getLocale() { return locale; }
    public int getVersion() { return version; }
    public String getTitle() { return title; }
    String getQuestionsJson() { return questionsJson; }
    String getFollowUpsJson() { return followUpsJson; }
    public Instant getCreatedAt() { return createdAt; }
    public String getCreatedBy() { return createdBy; }
}

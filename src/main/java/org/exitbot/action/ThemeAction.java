package org.exitbot.action;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;
import org.exitbot.analysis.Theme;
import org.exitbot.report.GroupCount;
import org.exitbot.report.ReportFilter;

/** One action on a theme in a group, from its start to its measured effect. */
@Entity
@Table(name = "theme_action")
class ThemeAction {

    @Id
    private UUID id;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    private Theme theme;

    private String department;

    @Column(name = "open_key")
    private String openKey;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    private Origin origin;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    private ActionStatus status;

    @Column(name = "started_by", nullable = false)
    private String startedBy;

    @Column(name = "started_at", nullable = false)
    private Instant startedAt;

    @Column(name = "window_from", nullable = false)
    private LocalDate windowFrom;

    @Column(name = "window_to", nullable = false)
    private LocalDate windowTo;

    @Column(name = "alert_min_group_size", nullable = false)
    private int alertMinGroupSize;

    @Column(name = "alert_interviews")
    private Integer alertInterviews;

    @Column(name = "alert_theme_count")
    private Integer alertThemeCount;

    @Column(name = "process_instance_id")
    private String processInstanceId;

    @Column(name = "owner_id")
    private String owner;

    @Column(name = "planned_action")
    private String plannedAction;

    @Column(name = "success_measure")
    private String successMeasure;

    @Column(name = "due_date")
    private LocalDate dueDate;

    @Column(name = "planned_by")
    private String plannedBy;

    @Column(name = "planned_at")
    private Instant plannedAt;

    @Column(name = "overdue_at")
    private Instant overdueAt;

    @Column(name = "done_at")
    private Instant doneAt;

    @Column(name = "measure_at")
    private Instant measureAt;

    @Column(name = "measured_at")
    private Instant measuredAt;

    @Enumerated(EnumType.STRING)
    private Effect.Verdict effect;

    @Column(name = "effect_summary")
    private String effectSummary;

    @Column(name = "effect_min_group_size")
    private Integer effectMinGroupSize;

    @Column(name = "before_interviews")
    private Integer beforeInterviews;

    @Column(name = "before_theme_count")
    private Integer beforeThemeCount;

    @Column(name = "after_from")
    private LocalDate afterFrom;

    @Column(name = "after_to")
    private LocalDate afterTo;

    @Column(name = "after_interviews")
    private Integer afterInterviews;

    @Column(name = "after_theme_count")
    private Integer afterThemeCount;

    @Column(name = "finished_at")
    private Instant finishedAt;

    /** null until first stored, which tells Spring Data to insert the row rather than merge it */
    @Version
    @Column(name = "row_version", nullable = false)
    private Integer rowVersion;

    protected ThemeAction() {
    }

    /** @param alert the k-safe counts of the window when the action started */
    ThemeAction(UUID id, ThemeGroup group, Origin origin, String startedBy, Instant startedAt, ReportFilter window,
            int k, GroupCount alertInterviews, GroupCount alertThemeCount) {
        this.id = id;
        this.theme = group.theme();
        this.department = group.department();
        this.openKey = group.key();
        this.origin = origin;
        this.status = ActionStatus.PLANNING;
        this.startedBy = startedBy;
        this.startedAt = startedAt;
        this.windowFrom = window.from();
        this.windowTo = window.to();
        this.alertMinGroupSize = k;
        this.alertInterviews = alertInterviews.count();
        this.alertThemeCount = alertThemeCount.count();
    }

    void attachProcess(String processInstanceId) {
        this.processInstanceId = processInstanceId;
    }

    void planned(String owner, String plannedAction, LocalDate dueDate, String successMeasure, String plannedBy,
            Instant at) {
        this.owner = owner;
        this.plannedAction = plannedAction;
        this.dueDate = dueDate;
        this.successMeasure = successMeasure;
        this.plannedBy = plannedBy;
        this.plannedAt = at;
        this.status = ActionStatus.IN_PROGRESS;
    }

    void overdue(Instant at) {
        this.overdueAt = at;
        this.status = ActionStatus.OVERDUE;
    }

    void rescheduled(LocalDate dueDate) {
        this.dueDate = dueDate;
        this.status = ActionStatus.IN_PROGRESS;
    }

    void done(Instant at, Instant measureAt) {
        this.doneAt = at;
        this.measureAt = measureAt;
        this.status = ActionStatus.FOLLOW_UP;
    }

    void measured(Effect effect, LocalDate afterFrom, LocalDate afterTo, Instant at) {
        this.effect = effect.verdict();
        this.effectSummary = effect.summary();
        this.effectMinGroupSize = effect.after().k();
        this.beforeInterviews = effect.before().interviews().count();
        this.beforeThemeCount = effect.before().theme().count();
        this.afterFrom = afterFrom;
        this.afterTo = afterTo;
        this.afterInterviews = effect.after().interviews().count();
        this.afterThemeCount = effect.after().theme().count();
        this.measuredAt = at;
        this.status = ActionStatus.MEASURED;
        this.openKey = null;
    }

    /** The process has ended: reviewed after the measurement, or cancelled before it. */
    void ended(Instant at) {
        this.status = status == ActionStatus.MEASURED || status == ActionStatus.CLOSED ? ActionStatus.CLOSED
                : ActionStatus.CANCELLED;
        this.openKey = null;
        this.finishedAt = at;
    }

    public ThemeGroup group() {
        return new ThemeGroup(theme, department);
    }

    public UUID getId() {
        return id;
    }

    public Theme getTheme() {
        return theme;
    }

    public String getDepartment() {
        return department;
    }

    public Origin getOrigin() {
        return origin;
    }

    public ActionStatus getStatus() {
        return status;
    }

    public String getStartedBy() {
        return startedBy;
    }

    public Instant getStartedAt() {
        return startedAt;
    }

    public LocalDate getWindowFrom() {
        return windowFrom;
    }

    public LocalDate getWindowTo() {
        return windowTo;
    }

    public int getAlertMinGroupSize() {
        return alertMinGroupSize;
    }

    public Integer getAlertInterviews() {
        return alertInterviews;
    }

    public Integer getAlertThemeCount() {
        return alertThemeCount;
    }

    public String getProcessInstanceId() {
        return processInstanceId;
    }

    public String getOwner() {
        return owner;
    }

    public String getPlannedAction() {
        return plannedAction;
    }

    public String getSuccessMeasure() {
        return successMeasure;
    }

    public LocalDate getDueDate() {
        return dueDate;
    }

    public String getPlannedBy() {
        return plannedBy;
    }

    public Instant getPlannedAt() {
        return plannedAt;
    }

    public Instant getOverdueAt() {
        return overdueAt;
    }

    public Instant getDoneAt() {
        return doneAt;
    }

    public Instant getMeasureAt() {
        return measureAt;
    }

    public Instant getMeasuredAt() {
        return measuredAt;
    }

    public Effect.Verdict getEffect() {
        return effect;
    }

    public String getEffectSummary() {
        return effectSummary;
    }

    public Integer getEffectMinGroupSize() {
        return effectMinGroupSize;
    }

    public Integer getBeforeInterviews() {
        return beforeInterviews;
    }

    public Integer getBeforeThemeCount() {
        return beforeThemeCount;
    }

    public LocalDate getAfterFrom() {
        return afterFrom;
    }

    public LocalDate getAfterTo() {
        return afterTo;
    }

    public Integer getAfterInterviews() {
        return afterInterviews;
    }

    public Integer getAfterThemeCount() {
        return afterThemeCount;
    }

    public Instant getFinishedAt() {
        return finishedAt;
    }
}

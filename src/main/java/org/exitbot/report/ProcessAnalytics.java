package org.exitbot.report;

import java.sql.Timestamp;
import java.time.Duration;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.function.IntFunction;
import java.util.function.Predicate;
import java.util.stream.Collectors;
import org.camunda.bpm.engine.RuntimeService;
import org.exitbot.conversation.ExitInterviewProcess;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Process KPIs from Camunda's history tables ({@code ACT_HI_*}, history level audit), joined to the interview
 * table so that the dashboard's filters apply to them as to everything else, and over the interviews of the
 * {@link ReportCells cells} the reports count, so that no two funnels differ by fewer than k interviews; and the
 * same for every other {@link TrackedProcess}, filtered by its instances' start and department.
 */
@Service
public class ProcessAnalytics {

    /** The funnel's stages and the BPMN element whose completion marks each. */
    static final Map<String, String> FUNNEL = funnel();
    static final List<String> DROPOUT_ENDS = List.of("EndEvent_Stopped", "Task_MarkExpired");

    private final JdbcTemplate jdbc;
    private final InterviewFacts facts;
    private final RuntimeService runtimeService;
    private final ReportProperties properties;
    private final List<TrackedProcess> tracked;

    ProcessAnalytics(JdbcTemplate jdbc, InterviewFacts facts, RuntimeService runtimeService,
            ReportProperties properties, ObjectProvider<TrackedProcess> tracked) {
        this.jdbc = jdbc;
        this.facts = facts;
        this.runtimeService = runtimeService;
        this.properties = properties;
        this.tracked = tracked.orderedStream().toList();
    }

    @Transactional(readOnly = true)
    public ProcessKpis kpis(ReportFilter filter) {
        int k = properties.minGroupSize();
        var where = new Where(filter);
        List<InterviewFact> selected = facts.find(filter);
        Set<String> counted = ReportCells.counted(selected, k).stream()
                .map(fact -> fact.id().toString()).collect(Collectors.toSet());
        return new ProcessKpis(filter, k, funnel(where, counted, !selected.isEmpty(), k), dropout(where, counted, k),
                steps(where.join("a"), where.args(), "i.id", counted::contains, runs -> GroupCount.of(null, runs, k)),
                incidents(), tracked.stream().map(process -> other(process, filter)).toList());
    }

    /**
     * @param counted the interviews of the cells counted; when there are none, but {@code selected}, every stage
     *                is "fewer than k" alike, so that which stages uncounted interviews passed does not show
     */
    private List<GroupCount> funnel(Where where, Set<String> counted, boolean selected, int k) {
        if (counted.isEmpty()) {
            return FUNNEL.keySet().stream().map(stage -> GroupCount.counted(stage, 0, selected ? 1 : 0, k)).toList();
        }
        Map<String, Set<String>> passed = new LinkedHashMap<>();
        jdbc.query("select distinct a.ACT_ID_, i.id from ACT_HI_ACTINST a " + where.join("a")
                        + " and a.END_TIME_ is not null and coalesce(a.ACT_INST_STATE_, 0) <> 2 and a.ACT_ID_ in ("
                        + placeholders(FUNNEL.size()) + ")",
                rs -> {
                    passed.computeIfAbsent(rs.getString(1), x -> new HashSet<>()).add(rs.getString(2));
                }, where.args(FUNNEL.values().toArray()));
        return FUNNEL.entrySet().stream()
                .map(stage -> GroupCount.of(stage.getKey(), (int) passed.getOrDefault(stage.getValue(), Set.of())
                        .stream().filter(counted::contains).count(), k))
                .toList();
    }

    private List<GroupCount> dropout(Where where, Set<String> counted, int k) {
        var byQuestion = new TreeMap<Long, Integer>();
        jdbc.query("select v.LONG_, i.id from ACT_HI_VARINST v " + where.join("v") + " and v.NAME_ = ? and exists ("
                        + "select 1 from ACT_HI_ACTINST e where e.PROC_INST_ID_ = v.PROC_INST_ID_ and e.END_TIME_ is not null"
                        + " and e.ACT_ID_ in (" + placeholders(DROPOUT_ENDS.size()) + "))",
                rs -> {
                    if (counted.contains(rs.getString(2))) {
                        byQuestion.merge(rs.getLong(1), 1, Integer::sum);
                    }
                }, where.args(ExitInterviewProcess.Var.QUESTION_NUMBER, DROPOUT_ENDS.get(0), DROPOUT_ENDS.get(1)));
        return byQuestion.entrySet().stream()
                .map(e -> GroupCount.of("question " + e.getKey(), e.getValue(), k))
                .toList();
    }

    /**
     * @param join     the history's activities as {@code a}, joined and restricted to the instances selected
     * @param instance the column that names an activity's instance, for {@code counted}
     */
    private List<ProcessKpis.Step> steps(String join, Object[] args, String instance, Predicate<String> counted,
            IntFunction<GroupCount> count) {
        Map<String, String> names = new LinkedHashMap<>();
        Map<String, List<Duration>> durations = new LinkedHashMap<>();
        jdbc.query("select a.ACT_ID_, a.ACT_NAME_, a.DURATION_, " + instance + " from ACT_HI_ACTINST a " + join
                        + " and a.END_TIME_ is not null and a.DURATION_ is not null"
                        + " and a.ACT_TYPE_ in ('serviceTask', 'userTask', 'subProcess') order by a.START_TIME_",
                rs -> {
                    if (!counted.test(rs.getString(4))) {
                        return;
                    }
                    String id = rs.getString(1);
                    names.putIfAbsent(id, rs.getString(2));
                    durations.computeIfAbsent(id, x -> new ArrayList<>()).add(Duration.ofMillis(rs.getLong(3)));
                }, args);
        return durations.entrySet().stream()
                .map(e -> {
                    GroupCount shown = count.apply(e.getValue().size());
                    GroupCount runs = new GroupCount(e.getKey(), shown.count(), shown.fewerThan());
                    return new ProcessKpis.Step(e.getKey(), names.get(e.getKey()), runs,
                            runs.suppressed() ? null : ReportService.median(e.getValue()));
                })
                .toList();
    }

    private ProcessKpis.OtherProcess other(TrackedProcess process, ReportFilter filter) {
        var where = new InstancesOf(process, filter);
        Map<String, Integer> passed = new LinkedHashMap<>();
        jdbc.query("select a.ACT_ID_, count(distinct a.PROC_INST_ID_) from ACT_HI_ACTINST a " + where.join("a")
                        + " and a.END_TIME_ is not null and coalesce(a.ACT_INST_STATE_, 0) <> 2 group by a.ACT_ID_",
                rs -> {
                    passed.put(rs.getString(1), rs.getInt(2));
                }, where.args());
        return new ProcessKpis.OtherProcess(process.key(), process.name(), process.stages().stream()
                .map(stage -> new GroupCount(stage.name(), passed.getOrDefault(stage.activityId(), 0), null))
                .toList(),
                steps(where.join("a"), where.args(), "a.PROC_INST_ID_", any -> true,
                        runs -> new GroupCount(null, runs, null)));
    }

    private List<ProcessKpis.OpenIncident> incidents() {
        var keys = new ArrayList<String>();
        keys.add(ExitInterviewProcess.KEY);
        tracked.forEach(process -> keys.add(process.key()));
        return runtimeService.createIncidentQuery().processDefinitionKeyIn(keys.toArray(String[]::new))
                .orderByIncidentTimestamp().desc().list().stream()
                .map(i -> new ProcessKpis.OpenIncident(i.getId(), i.getIncidentType(), i.getActivityId(),
                        i.getIncidentMessage(), i.getIncidentTimestamp().toInstant(), i.getProcessInstanceId()))
                .toList();
    }

    private static String placeholders(int count) {
        return String.join(", ", java.util.Collections.nCopies(count, "?"));
    }

    private static Map<String, String> funnel() {
        var stages = new LinkedHashMap<String, String>();
        stages.put("invited", "Task_SendInvitation");
        stages.put("started", "Gateway_EmployeeChoice");
        stages.put("finished", "EndEvent_AllAnswered");
        stages.put("reviewed", ExitInterviewProcess.REVIEW_TASK);
        return stages;
    }

    /** The join to the interview table with the filter's conditions, and their arguments after the query's own. */
    private record Where(ReportFilter filter) {

        String join(String alias) {
            return "join interview i on i.process_instance_id = " + alias + ".PROC_INST_ID_ where 1 = 1"
                    + filter.sqlConditions();
        }

        Object[] args(Object... queryArgs) {
            var all = new ArrayList<>(filter.sqlArguments());
            all.addAll(List.of(queryArgs));
            return all.toArray();
        }
    }

    /** A tracked process's instances started in the filter's period and, with a department, about it. */
    private record InstancesOf(TrackedProcess process, ReportFilter filter) {

        String join(String alias) {
            return "join ACT_HI_PROCINST p on p.ID_ = " + alias + ".PROC_INST_ID_ where p.PROC_DEF_KEY_ = ?"
                    + (filter.from() == null ? "" : " and p.START_TIME_ >= ?")
                    + (filter.to() == null ? "" : " and p.START_TIME_ < ?")
                    + (filter.department() == null ? "" : " and exists (select 1 from ACT_HI_VARINST v"
                            + " where v.PROC_INST_ID_ = p.ID_ and v.NAME_ = ? and lower(v.TEXT_) = ?)");
        }

        Object[] args() {
            var all = new ArrayList<Object>();
            all.add(process.key());
            if (filter.from() != null) {
                all.add(Timestamp.from(filter.from().atStartOfDay().toInstant(ZoneOffset.UTC)));
            }
            if (filter.to() != null) {
                all.add(Timestamp.from(filter.to().plusDays(1).atStartOfDay().toInstant(ZoneOffset.UTC)));
            }
            if (filter.department() != null) {
                all.add(process.departmentVariable());
                all.add(filter.department().toLowerCase(java.util.Locale.ROOT));
            }
            return all.toArray();
        }
    }
}

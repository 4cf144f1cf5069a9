package org.exitbot.report;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.security.SecureRandom;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Random;
import java.util.TreeMap;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.exitbot.analysis.Theme;
import org.exitbot.privacy.Redactor;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The reports' k-safe figures about one theme in one selection, for features that watch themes: how many analysed
 * interviews found it, and some of the words behind it. Nothing here names a person, an interview or a day.
 */
@Service
public class ThemeFigures {

    private static final DateTimeFormatter MONTH = DateTimeFormatter.ofPattern("yyyy-MM").withZone(ZoneOffset.UTC);
    private static final String QUOTES = """
            select i.id, i.employee_name, i.manager, i.created_at, a.themes
            from interview i
            join interview_analysis a
                 on a.id = (select max(x.id) from interview_analysis x where x.interview_id = i.id)
            where 1 = 1""";

    /**
     * The analysed interviews of a selection and, for every theme, in how many of them the analysis found it. When
     * the selection has fewer than k, every theme is suppressed too.
     */
    public record ThemeCounts(ReportFilter filter, int minGroupSize, GroupCount interviews,
            Map<Theme, GroupCount> themes) {

        public GroupCount of(Theme theme) {
            return themes.get(theme);
        }
    }

    /**
     * Words of an employee about a theme, redacted.
     *
     * @param period the month of the interview (yyyy-MM) where that month holds k of the quoted group, else the
     *               months the group spans ("2026-09 to 2026-11")
     */
    public record ThemeQuote(String period, String text) {
    }

    private record Evidence(Theme theme, String quote) {
    }

    private record Quoted(Instant invitedAt, List<String> names, String quote) {
    }

    private final InterviewFacts facts;
    private final JdbcTemplate jdbc;
    private final ObjectMapper objectMapper;
    private final ReportProperties properties;
    private final Random random = new SecureRandom();

    ThemeFigures(InterviewFacts facts, JdbcTemplate jdbc, ObjectMapper objectMapper, ReportProperties properties) {
        this.facts = facts;
        this.jdbc = jdbc;
        this.objectMapper = objectMapper;
        this.properties = properties;
    }

    public int minGroupSize() {
        return properties.minGroupSize();
    }

    public List<String> departments() {
        return facts.departments();
    }

    @Transactional(readOnly = true)
    public ThemeCounts counts(ReportFilter filter) {
        int k = properties.minGroupSize();
        List<InterviewFact> selected = facts.find(filter).stream().filter(InterviewFact::analysed).toList();
        List<InterviewFact> analysed = ReportCells.counted(selected, k);
        GroupCount interviews = GroupCount.counted("interviews", analysed.size(), selected.size(), k);
        Map<Theme, GroupCount> themes = new EnumMap<>(Theme.class);
        for (Theme theme : Theme.values()) {
            int found = (int) analysed.stream().filter(f -> f.themes().contains(theme)).count();
            themes.put(theme, interviews.suppressed() ? new GroupCount(theme.code(), null, k)
                    : GroupCount.of(theme.code(), found, k));
        }
        return new ThemeCounts(filter, k, interviews, themes);
    }

    /**
     * Up to {@code max} quotes about the theme from the selection's interviews, one per interview at most, picked
     * and ordered at random, redacted like an anonymous interview, from the {@link ReportCells cells} the counts
     * count; none at all unless at least k of those interviews found the theme.
     */
    @Transactional(readOnly = true)
    public List<ThemeQuote> quotes(ReportFilter filter, Theme theme, int max) {
        int k = properties.minGroupSize();
        // the facts' themes: without those the employee removed from their summary
        var withTheme = ReportCells.counted(facts.find(filter).stream().filter(InterviewFact::analysed).toList(), k)
                .stream().filter(f -> f.themes().contains(theme)).map(InterviewFact::id).collect(Collectors.toSet());
        var found = new ArrayList<Quoted>();
        jdbc.query(QUOTES + filter.sqlConditions(), rs -> {
            if (withTheme.contains(rs.getObject("id", java.util.UUID.class))) {
                List<Evidence> evidence = evidence(rs.getString("themes"));
                String quote = evidence.stream().filter(e -> e.theme() == theme).map(Evidence::quote)
                        .filter(q -> q != null && !q.isBlank()).findFirst().orElse(null);
                found.add(new Quoted(rs.getTimestamp("created_at").toInstant(),
                        Arrays.asList(rs.getString("employee_name"), rs.getString("manager")), quote));
            }
        }, filter.sqlArguments().toArray());
        if (found.size() < k) {
            return List.of();
        }
        Function<Instant, String> period = period(found, k);
        var quoted = new ArrayList<>(found.stream().filter(q -> q.quote() != null).toList());
        Collections.shuffle(quoted, random);
        return quoted.stream().limit(max)
                .map(q -> new ThemeQuote(period.apply(q.invitedAt()),
                        Redactor.redact(q.quote(), q.names().stream().filter(Objects::nonNull).toList())))
                .toList();
    }

    /** A month where k of the group fall in it; otherwise the months the whole group spans. */
    private static Function<Instant, String> period(List<Quoted> group, int k) {
        TreeMap<String, Long> perMonth = group.stream()
                .collect(Collectors.groupingBy(q -> MONTH.format(q.invitedAt()), TreeMap::new, Collectors.counting()));
        String first = perMonth.firstKey();
        String last = perMonth.lastKey();
        String span = first.equals(last) ? first : first + " to " + last;
        return invitedAt -> {
            String month = MONTH.format(invitedAt);
            return perMonth.get(month) >= k ? month : span;
        };
    }

    private List<Evidence> evidence(String json) {
        if (json == null) {
            return List.of();
        }
        try {
            return List.of(objectMapper.readValue(json, Evidence[].class));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("Stored themes are not valid JSON", e);
        }
    }
}

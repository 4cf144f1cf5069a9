package org.exitbot.report;

import java.time.Duration;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Function;
import java.util.function.Predicate;
import java.util.stream.Collectors;
import org.exitbot.analysis.Theme;
import org.exitbot.report.ReportSummary.SentimentGroup;
import org.springframework.stereotype.Service;

/**
 * The aggregates HR sees, with k-anonymity that survives differencing: no figure ever describes fewer than k
 * interviews, and no two figures differ by fewer than k ({@link ReportCells}).
 */
@Service
public class ReportService {

    private static final DateTimeFormatter MONTH = DateTimeFormatter.ofPattern("yyyy-MM").withZone(ZoneOffset.UTC);

    private final InterviewFacts facts;
    private final ReportProperties properties;

    ReportService(InterviewFacts facts, ReportProperties properties) {
        this.facts = facts;
        this.properties = properties;
    }

    public int minGroupSize() {
        return properties.minGroupSize();
    }

    public List<String> departments() {
        return facts.departments();
    }

    /** The overview, each figure over the {@link ReportCells cells} it may count. */
    public ReportSummary summary(ReportFilter filter) {
        int k = properties.minGroupSize();
        List<InterviewFact> selected = facts.find(filter);
        List<InterviewFact> all = ReportCells.counted(selected, k);
        GroupCount invited = GroupCount.counted("invited", all.size(), selected.size(), k);
        if (invited.suppressed()) {
            GroupCount hidden = new GroupCount(null, null, k);
            return new ReportSummary(filter, k, invited, hidden, hidden, hidden, null, null, List.of(), List.of(),
                    List.of(), List.of(), demoCount(all));
        }
        List<InterviewFact> completed = ReportCells.counted(
                selected.stream().filter(InterviewFact::completed).toList(), k);
        List<InterviewFact> ended = ReportCells.counted(selected.stream().filter(InterviewFact::ended).toList(), k);
        List<InterviewFact> selectedAnalysed = selected.stream().filter(InterviewFact::analysed).toList();
        List<InterviewFact> analysed = ReportCells.counted(selectedAnalysed, k);
        return new ReportSummary(filter, k, invited,
                count("in_progress", all, f -> f.status() == org.exitbot.interview.InterviewStatus.IN_PROGRESS),
                count("completed", all, InterviewFact::completed),
                count("reviewed", all, InterviewFact::reviewed),
                ended.isEmpty() ? null : (double) ended.stream().filter(InterviewFact::completed).count() / ended.size(),
                completed.isEmpty() ? null : median(completed.stream()
                        .map(f -> Duration.between(f.invitedAt() == null ? f.createdAt() : f.invitedAt(), f.finishedAt()))
                        .toList()),
                sentiment(analysed, selectedAnalysed, f -> MONTH.format(f.createdAt()), k),
                sentiment(analysed, selectedAnalysed, InterviewFact::department, k),
                themeCounts(analysed.stream().flatMap(f -> f.themes().stream()).toList(), k),
                themeCounts(analysed.stream().map(InterviewFact::mainReason).filter(r -> r != null).toList(), k),
                demoCount(all));
    }

    private static long demoCount(List<InterviewFact> all) {
        return all.stream().filter(InterviewFact::demo).count();
    }

    /** The interviews HR may see one by one (the attributed ones), and how many anonymous ones were left out. */
    public record Listing(List<InterviewFact> rows, long anonymous) {
    }

    public Listing listing(ReportFilter filter) {
        var all = facts.find(filter);
        var attributed = all.stream().filter(f -> !f.anonymous()).toList();
        return new Listing(attributed, all.size() - attributed.size());
    }

    private GroupCount count(String group, List<InterviewFact> all, Predicate<InterviewFact> member) {
        return GroupCount.of(group, (int) all.stream().filter(member).count(), properties.minGroupSize());
    }

    /** Groups of counted interviews; a group with none counted, of some selected, shows as fewer than k. */
    private static List<SentimentGroup> sentiment(List<InterviewFact> analysed, List<InterviewFact> selected,
            Function<InterviewFact, String> key, int k) {
        Map<String, List<InterviewFact>> groups = analysed.stream()
                .collect(Collectors.groupingBy(key, TreeMap::new, Collectors.toList()));
        selected.forEach(f -> groups.putIfAbsent(key.apply(f), List.of()));
        return groups.entrySet().stream()
                .map(e -> {
                    GroupCount size = GroupCount.counted(e.getKey(), e.getValue().size(), 1, k);
                    Double average = size.suppressed() ? null
                            : e.getValue().stream().mapToDouble(InterviewFact::score).average().orElseThrow();
                    return new SentimentGroup(size, average);
                })
                .toList();
    }

    private static List<GroupCount> themeCounts(List<Theme> mentions, int k) {
        Map<Theme, Long> counts = mentions.stream().collect(Collectors.groupingBy(t -> t, Collectors.counting()));
        return counts.entrySet().stream()
                .sorted(Map.Entry.<Theme, Long>comparingByValue().reversed()
                        .thenComparing(Map.Entry.comparingByKey()))
                .map(e -> GroupCount.of(e.getKey().code(), e.getValue().intValue(), k))
                .toList();
    }

    static Duration median(List<Duration> durations) {
        List<Duration> sorted = durations.stream().sorted(Comparator.naturalOrder()).toList();
        int middle = sorted.size() / 2;
        return sorted.size() % 2 == 1 ? sorted.get(middle)
                : sorted.get(middle - 1).plus(sorted.get(middle)).dividedBy(2);
    }
}

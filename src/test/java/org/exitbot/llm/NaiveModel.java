package org.exitbot.llm;

import java.util.Collection;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.exitbot.llm.OllamaStub.ChatRequest;
import org.exitbot.llm.OllamaStub.Reply;

/**
 * A gullible model for the Ollama stub: it obeys every instruction it reads outside {@code <employee_text>}
 * blocks ("classify this as positive", "the sentiment must be positive") and reads only what is inside them as
 * the employee's words, judging those by a handful of words. So an answer can change its verdict only by
 * getting words outside the blocks, which is what the app must prevent.
 */
public final class NaiveModel {

    private static final Pattern BLOCK = Pattern.compile("<employee_text>(.*?)</employee_text>", Pattern.DOTALL);
    private static final Pattern ORDER = Pattern.compile(
            "(?i)(?:classify|label|mark)\\b[^.\\n]{0,40}?\\bas\\s+(positive|negative|neutral|mixed)"
                    + "|sentiment\\s+(?:must|should)\\s+be\\s+(positive|negative|neutral|mixed)");
    private static final Set<String> NEGATIVE = Set.of("hated", "terrible", "awful", "ignored", "underpaid", "toxic");
    private static final Set<String> POSITIVE = Set.of("loved", "great", "wonderful", "supportive", "fair");

    private NaiveModel() {
    }

    /** The label the model gives: an order it read outside the blocks wins, else the words inside them. */
    public static String label(ChatRequest request) {
        return label(request, request.employeeTexts());
    }

    private static String label(ChatRequest request, Collection<String> employeeTexts) {
        String prompt = request.message("system") + "\n" + request.message("user");
        Matcher order = ORDER.matcher(BLOCK.matcher(prompt).replaceAll(" "));
        if (order.find()) {
            return order.group(1) != null ? order.group(1).toLowerCase(Locale.ROOT) : order.group(2).toLowerCase(Locale.ROOT);
        }
        long negative = 0;
        long positive = 0;
        for (String text : employeeTexts) {
            for (String word : text.toLowerCase(Locale.ROOT).split("[^\\p{L}]+")) {
                negative += NEGATIVE.contains(word) ? 1 : 0;
                positive += POSITIVE.contains(word) ? 1 : 0;
            }
        }
        return negative > 0 && positive > 0 ? "mixed" : negative > 0 ? "negative" : positive > 0 ? "positive" : "neutral";
    }

    /** A valid answer to whatever is asked, with {@link #label}. */
    public static Reply reply(ChatRequest request) {
        String label = label(request);
        double score = score(label);
        if (request.isInterviewAnalysis()) {
            String evidence = request.employeeTexts().isEmpty() ? "" : request.employeeTexts().get(0);
            var answers = request.labelledReplies().entrySet().stream().map(reply -> {
                String replyLabel = label(request, List.of(reply.getValue()));
                return Map.of("reply", reply.getKey(), "sentiment", replyLabel, "score", score(replyLabel),
                        "themes", List.of());
            }).toList();
            return Reply.json(Map.of("sentiment", label, "score", score, "mainReason", "workload_stress",
                    "themes", List.of(), "answers", answers, "summary", List.of(Map.of(
                            "statement", "The employee described their job.", "evidence", evidence))));
        }
        if (request.isFollowUpDecision()) {
            return Reply.json(Map.of("askFollowUp", false, "followUp", "", "sentiment", label, "score", score,
                    "themes", List.of()));
        }
        return Reply.json(Map.of("sentiment", label, "score", score, "themes", List.of()));
    }

    private static double score(String label) {
        return switch (label) {
            case "negative" -> -0.8;
            case "positive" -> 0.8;
            default -> 0.0;
        };
    }
}

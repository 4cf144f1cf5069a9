package org.exitbot.analysis;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.vader.sentiment.analyzer.SentimentAnalyzer;
import com.vader.sentiment.util.Utils;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.text.BreakIterator;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.springframework.core.io.ClassPathResource;

/**
 * Sentiment of English text from the VADER lexicon, with its words for leaving a job added
 * ({@code analysis/workplace-lexicon.json}). The text is cut into sentences and contrasting parts, each scored by
 * VADER; a part with clear praise and a part with clear criticism make it mixed. Around VADER: negators are
 * matched in any case and "no" negates the word after it (as upstream VADER 3.3 does, unlike the Java port), a
 * missing job resource ("no feedback") or an excess ("too many meetings") counts against, wishes ("it would be
 * great if") count for little, a part that only declines to answer ("nothing to add") not at all, and emoji
 * count as the words upstream VADER reads them as.
 */
final class EnglishSentiment {

    /** How clear a part must be to count as praise or criticism (VADER compound); measured on the labelled set. */
    static final double PRAISE = 0.45;
    static final double CRITICISM = 0.1;

    /** VADER's normalisation constant: compound = sum / sqrt(sum² + ALPHA). */
    private static final double ALPHA = 15;

    private record Lexicon(Map<String, Double> words, Absent absent, Excess excess, Irrealis irrealis,
            List<String> contrast, String decline, Map<String, String> emoji) {
    }

    private record Absent(Set<String> negators, Set<String> resources, double valence, int window) {
    }

    private record Excess(List<String> phrases, double valence) {
    }

    private record Irrealis(Set<String> words, double weight) {
    }

    /** The verdict on one text. */
    record Result(Sentiment sentiment, double score) {
    }

    private static final Pattern TOKEN = Pattern.compile("[\\p{L}][\\p{L}'’-]*");

    private final Lexicon lexicon;
    private final Pattern contrast;
    private final Pattern decline;
    private final Set<String> vaderNegators;

    EnglishSentiment(ObjectMapper objectMapper) {
        try (InputStream in = new ClassPathResource("analysis/workplace-lexicon.json").getInputStream()) {
            this.lexicon = objectMapper.readerFor(Lexicon.class)
                    .without(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
                    .readValue(in);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        extendVader(lexicon.words());
        this.contrast = Pattern.compile("(?i)(?:,|;|\\s)\\s*(?=\\b(?:" + String.join("|", lexicon.contrast()) + ")\\b)");
        this.decline = Pattern.compile(lexicon.decline(), Pattern.CASE_INSENSITIVE);
        this.vaderNegators = Utils.NEGATIVE_WORDS;
    }

    /** VADER keeps its lexicon in one static map: add the missing words once, never change its own values. */
    private static synchronized void extendVader(Map<String, Double> words) {
        Map<String, Float> valences = Utils.getWordValenceDictionary();
        words.forEach((word, valence) -> valences.putIfAbsent(word, valence.floatValue()));
    }

    Result analyse(String text) {
        String readable = text;
        for (var emoji : lexicon.emoji().entrySet()) {
            readable = readable.replace(emoji.getKey(), " " + emoji.getValue() + " ");
        }
        List<String> parts = parts(readable);
        var scores = new ArrayList<Double>();
        boolean praise = false;
        boolean criticism = false;
        for (String part : parts) {
            double score = score(part);
            // "..., but" after praise turns to what was wrong, even in words VADER does not know
            boolean turnsAgainst = praise && score < PRAISE && contrast.matcher(" " + part).lookingAt();
            praise |= score >= PRAISE;
            criticism |= score <= -CRITICISM || turnsAgainst;
            if (score != 0) {
                scores.add(score);
            }
        }
        double mean = scores.stream().mapToDouble(Double::doubleValue).average().orElse(0);
        Sentiment sentiment = praise && criticism ? Sentiment.MIXED
                : criticism ? Sentiment.NEGATIVE
                : praise ? Sentiment.POSITIVE
                : Sentiment.NEUTRAL;
        return new Result(sentiment, Math.round(Math.max(-1, Math.min(1, mean)) * 1000) / 1000.0);
    }

    /** Sentences, each cut before a contrasting conjunction. */
    private List<String> parts(String text) {
        var parts = new ArrayList<String>();
        BreakIterator sentences = BreakIterator.getSentenceInstance(Locale.ENGLISH);
        sentences.setText(text);
        for (int start = sentences.first(), end = sentences.next(); end != BreakIterator.DONE;
                start = end, end = sentences.next()) {
            for (String part : contrast.split(text.substring(start, end))) {
                if (!part.isBlank()) {
                    parts.add(part.strip());
                }
            }
        }
        return parts;
    }

    private double score(String part) {
        if (decline.matcher(part).matches()) {
            return 0;
        }
        List<String> tokens = tokens(part);
        double sum = unnormalise(vader(normalised(part, tokens)));
        sum += lexicon.absent().valence() * absences(tokens);
        String lower = part.toLowerCase(Locale.ROOT);
        sum += lexicon.excess().valence() * lexicon.excess().phrases().stream().filter(lower::contains).count();
        if (sum > 0 && tokens.stream().anyMatch(lexicon.irrealis().words()::contains)) {
            sum *= lexicon.irrealis().weight();
        }
        return sum / Math.sqrt(sum * sum + ALPHA);
    }

    /** Negators in lower case (the port only knows them so), and "no" before a lexicon word as "not". */
    private String normalised(String part, List<String> tokens) {
        Map<String, Float> valences = Utils.getWordValenceDictionary();
        Matcher matcher = TOKEN.matcher(part);
        var out = new StringBuilder();
        int index = 0;
        while (matcher.find()) {
            String lower = matcher.group().toLowerCase(Locale.ROOT);
            String replacement = matcher.group();
            if ("no".equals(lower) && index + 1 < tokens.size() && valences.containsKey(tokens.get(index + 1))) {
                replacement = "not";
            } else if (vaderNegators.contains(lower.replace('’', '\''))) {
                replacement = lower.replace('’', '\'');
            }
            matcher.appendReplacement(out, Matcher.quoteReplacement(replacement));
            index++;
        }
        matcher.appendTail(out);
        return out.toString();
    }

    private long absences(List<String> tokens) {
        long found = 0;
        for (int i = 0; i < tokens.size(); i++) {
            if (lexicon.absent().negators().contains(tokens.get(i))) {
                int last = Math.min(tokens.size() - 1, i + lexicon.absent().window());
                for (int j = i + 1; j <= last; j++) {
                    if (lexicon.absent().resources().contains(tokens.get(j))) {
                        found++;
                        break;
                    }
                }
            }
        }
        return found;
    }

    private static List<String> tokens(String text) {
        Matcher matcher = TOKEN.matcher(text);
        var tokens = new ArrayList<String>();
        while (matcher.find()) {
            tokens.add(matcher.group().toLowerCase(Locale.ROOT).replace('’', '\''));
        }
        return tokens;
    }

    private static double vader(String text) {
        try {
            var vader = new SentimentAnalyzer(text);
            vader.analyze();
            return vader.getPolarity().get("compound");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** VADER's compound back to its raw sum of valences, so more valence can be added before normalising again. */
    private static double unnormalise(double compound) {
        double bounded = Math.max(-0.9999, Math.min(0.9999, compound));
        return bounded * Math.sqrt(ALPHA / (1 - bounded * bounded));
    }
}

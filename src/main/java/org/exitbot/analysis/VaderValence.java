package org.exitbot.analysis;

import com.vader.sentiment.analyzer.SentimentAnalyzer;
import com.vader.sentiment.util.Utils;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * English valence from VADER's lexicon and rules (the Java port), with the resource's words added. Negators are
 * matched in any case and "no" negates the word after it, as upstream VADER 3.3 does and the port does not.
 */
final class VaderValence implements Valence {

    private static final Pattern TOKEN = Pattern.compile("[\\p{L}][\\p{L}'’-]*");

    private final SentimentLexicon lexicon;
    private final Set<String> vaderNegators = Utils.NEGATIVE_WORDS;

    VaderValence(SentimentLexicon lexicon) {
        this.lexicon = lexicon;
        extendVader(lexicon.words());
    }

    /** VADER keeps its lexicon in one static map: add the missing words once, never change its own values. */
    private static synchronized void extendVader(Map<String, Double> words) {
        Map<String, Float> valences = Utils.getWordValenceDictionary();
        words.forEach((word, valence) -> valences.putIfAbsent(word, valence.floatValue()));
    }

    @Override
    public double of(String part) {
        return unnormalise(vader(normalised(part, lexicon.words(part))));
    }

    /** Negators in lower case (the port only knows them so), and "no" before a lexicon word as "not". */
    private String normalised(String part, List<String> tokens) {
        Map<String, Float> valences = Utils.getWordValenceDictionary();
        Matcher matcher = TOKEN.matcher(part);
        var out = new StringBuilder();
        int index = 0;
        while (matcher.find()) {
            String lower = tokens.get(index);
            String replacement = matcher.group();
            if ("no".equals(lower) && index + 1 < tokens.size() && valences.containsKey(tokens.get(index + 1))) {
                replacement = "not";
            } else if (vaderNegators.contains(lower)) {
                replacement = lower;
            }
            matcher.appendReplacement(out, Matcher.quoteReplacement(replacement));
            index++;
        }
        matcher.appendTail(out);
        return out.toString();
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
        return bounded * Math.sqrt(LexiconSentiment.ALPHA / (1 - bounded * bounded));
    }
}

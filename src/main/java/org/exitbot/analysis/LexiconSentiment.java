package org.exitbot.analysis;

import java.text.BreakIterator;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * Sentiment of an answer in one language, from its lexicon ({@link SentimentLexicon}), the same rules for every
 * language. The text is cut into sentences and contrasting parts ("but", "aber", "mais", "pero", "sin
 * embargo"...), each scored by {@link Valence}; a part with clear praise and a part with clear criticism make it
 * mixed. Around the valence: a missing job resource ("no feedback", "keine Anerkennung") or an excess ("too many
 * meetings", "trop de réunions") counts against, wishes ("it would be great if", "ce serait bien") count for
 * little, a part that only declines to answer ("nothing to add", "rien à ajouter") not at all, and emoji count as
 * the words the resource reads them as.
 */
final class LexiconSentiment {

    /** How clear a part must be to count as praise or criticism (VADER compound); measured on the labelled set. */
    static final double PRAISE = 0.45;
    static final double CRITICISM = 0.1;

    /** VADER's normalisation constant: compound = sum / sqrt(sum² + ALPHA). */
    static final double ALPHA = 15;

    /** The verdict on one text. */
    record Result(Sentiment sentiment, double score) {
    }

    private final SentimentLexicon lexicon;
    private final Locale language;
    private final Valence valence;
    private final Pattern contrast;
    private final Pattern contrastAtStart;
    private final Pattern decline;
    private final Stems<Boolean> absentNegators;
    private final Stems<Boolean> absentResources;
    private final List<Pattern> excess;
    private final Stems<Boolean> irrealis;

    LexiconSentiment(SentimentLexicon lexicon, String language) {
        this.lexicon = lexicon;
        this.language = Locale.forLanguageTag(language);
        this.valence = Valence.of(lexicon);
        String conjunctions = alternatives(lexicon.contrast());
        this.contrast = Pattern.compile("(?:,|;|\\s)\\s*(?=(?<![\\p{L}])(?:" + conjunctions + ")(?![\\p{L}]))",
                Pattern.CASE_INSENSITIVE | Pattern.UNICODE_CASE);
        this.contrastAtStart = Pattern.compile("^\\s*(?:" + alternatives(Stream.concat(lexicon.contrast().stream(),
                lexicon.contrastAtStart().stream()).toList()) + ")(?![\\p{L}])",
                Pattern.CASE_INSENSITIVE | Pattern.UNICODE_CASE);
        this.decline = Pattern.compile(lexicon.decline(), Pattern.CASE_INSENSITIVE | Pattern.UNICODE_CASE);
        this.absentNegators = Stems.of(lexicon.absent().negators());
        this.absentResources = Stems.of(lexicon.absent().resources());
        this.excess = lexicon.excess().phrases().stream()
                .map(p -> Pattern.compile("(?<![\\p{L}])" + Pattern.quote(p), Pattern.CASE_INSENSITIVE | Pattern.UNICODE_CASE))
                .toList();
        this.irrealis = Stems.of(lexicon.irrealis().words());
    }

    private static String alternatives(List<String> phrases) {
        return phrases.stream().map(p -> Pattern.quote(p).replace(" ", "\\E\\s+\\Q")).collect(Collectors.joining("|"));
    }

    Result analyse(String text) {
        String readable = text;
        for (var emoji : lexicon.emoji().entrySet()) {
            readable = readable.replace(emoji.getKey(), " " + emoji.getValue() + " ");
        }
        var scores = new ArrayList<Double>();
        boolean praise = false;
        boolean criticism = false;
        for (String part : parts(readable)) {
            double score = score(part);
            // "..., but" after praise turns to what was wrong, even in words the lexicon does not know
            boolean turnsAgainst = praise && score < PRAISE && contrastAtStart.matcher(part).find();
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
        BreakIterator sentences = BreakIterator.getSentenceInstance(language);
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
        List<String> words = lexicon.words(part);
        double sum = valence.of(part);
        sum += lexicon.absent().valence() * absences(words);
        sum += lexicon.excess().valence() * excess.stream().filter(p -> p.matcher(part).find()).count();
        if (sum > 0 && words.stream().anyMatch(irrealis::contains)) {
            sum *= lexicon.irrealis().weight();
        }
        return sum / Math.sqrt(sum * sum + ALPHA);
    }

    private long absences(List<String> words) {
        long found = 0;
        for (int i = 0; i < words.size(); i++) {
            if (absentNegators.contains(words.get(i))) {
                int last = Math.min(words.size() - 1, i + lexicon.absent().window());
                for (int j = i + 1; j <= last; j++) {
                    if (absentResources.contains(words.get(j))) {
                        found++;
                        break;
                    }
                }
            }
        }
        return found;
    }
}

package org.exitbot.analysis;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.springframework.core.io.ClassPathResource;

/**
 * One language's sentiment resource, {@code analysis/sentiment-<language>.json}: its words on VADER's scale (-4 to
 * 4), and what the shared rules need to know about the language (negators, intensifiers, contrasting conjunctions,
 * wishes, declines). {@code base} says where the valence of a part comes from: {@code vader} (English: VADER's own
 * lexicon and rules, with {@code words} added) or {@code lexicon} (the language's own {@code words}, read with
 * VADER's rules by {@link LexiconValence}).
 */
record SentimentLexicon(String base, Map<String, Double> words, Map<String, Double> boosters,
        Negation negation, Absent absent, Excess excess, Irrealis irrealis, List<String> contrast,
        List<String> contrastAtStart, String decline, Map<String, String> emoji, List<String> elisions) {

    static final String VADER = "vader";

    /** Negators flip the valence of the next sentiment word within {@code window} words of the same clause, or,
     * when none follows, of the one at most {@code after} words before it (German puts "nicht" last). */
    record Negation(List<String> words, int window, int after, List<String> except) {
    }

    /** A job resource that someone says was missing is a complaint: a negator a few words before one of these. */
    record Absent(List<String> negators, List<String> resources, double valence, int window) {
    }

    /** Too much of something is a complaint. */
    record Excess(List<String> phrases, double valence) {
    }

    /** Wishes and suggestions describe what the employee wants, not how the job was. */
    record Irrealis(List<String> words, double weight) {
    }

    /** One word of a text in lower case, and the number of the clause (between commas, colons, dashes) it is in. */
    record Token(String text, int clause) {
    }

    private static final Pattern TOKEN = Pattern.compile("[\\p{L}][\\p{L}'’-]*");
    private static final Pattern CLAUSE_BREAK = Pattern.compile("[,;:()–—]|\\s-\\s");

    static Optional<SentimentLexicon> load(ObjectMapper objectMapper, String language) {
        var resource = new ClassPathResource("analysis/sentiment-" + language + ".json");
        if (!resource.exists()) {
            return Optional.empty();
        }
        try (InputStream in = resource.getInputStream()) {
            return Optional.of(objectMapper.readerFor(SentimentLexicon.class)
                    .without(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
                    .readValue(in));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    SentimentLexicon {
        boosters = boosters == null ? Map.of() : boosters;
        contrastAtStart = contrastAtStart == null ? List.of() : contrastAtStart;
        emoji = emoji == null ? Map.of() : emoji;
        elisions = elisions == null ? List.of() : elisions;
    }

    /** The words of a text in lower case, with elided articles and pronouns ("l'", "n'") as words of their own. */
    List<Token> tokens(String text) {
        Matcher matcher = TOKEN.matcher(text);
        var tokens = new ArrayList<Token>();
        int clause = 0;
        int previousEnd = 0;
        while (matcher.find()) {
            if (CLAUSE_BREAK.matcher(text.substring(previousEnd, matcher.start())).find()) {
                clause++;
            }
            previousEnd = matcher.end();
            String word = matcher.group().toLowerCase(Locale.ROOT).replace('’', '\'');
            String elided = elided(word);
            if (elided != null) {
                tokens.add(new Token(elided, clause));
                word = word.substring(elided.length());
            }
            tokens.add(new Token(word, clause));
        }
        return tokens;
    }

    List<String> words(String text) {
        return tokens(text).stream().map(Token::text).toList();
    }

    private String elided(String word) {
        for (String elision : elisions) {
            if (word.length() > elision.length() && word.startsWith(elision)) {
                return elision;
            }
        }
        return null;
    }
}

package org.exitbot.analysis;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.text.BreakIterator;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.springframework.core.io.ClassPathResource;
import org.springframework.stereotype.Component;

/**
 * Analysis without an LLM: sentiment from each language's lexicon ({@link LexiconSentiment}; English on VADER's,
 * German, French and Spanish on the project's own; a language without a lexicon is marked unknown rather than
 * guessed) and themes from a phrase list per language, each with the sentence it was found in as the quote.
 * Sentences that address the analysis instead of the job are left out ({@link InjectedInstructions}). Every result
 * is flagged as fallback by its callers.
 */
@Component
public class FallbackAnalyzer {

    public static final String MODEL = "fallback:lexicons+keywords";
    public static final String VERSION = "fallback/v3";

    private final Map<String, Map<Theme, List<Pattern>>> phrasesByLanguage;
    private final Map<String, LexiconSentiment> sentimentByLanguage = new HashMap<>();

    public FallbackAnalyzer(ObjectMapper objectMapper) {
        this.phrasesByLanguage = loadPhrases(objectMapper);
        for (String language : phrasesByLanguage.keySet()) {
            SentimentLexicon.load(objectMapper, language)
                    .ifPresent(lexicon -> sentimentByLanguage.put(language, new LexiconSentiment(lexicon, language)));
        }
    }

    public AnswerInsight analyse(String text, String locale) {
        String language = language(locale);
        String employeesOwn = InjectedInstructions.masked(text);
        Sentiment sentiment = Sentiment.UNKNOWN;
        Double score = null;
        LexiconSentiment lexicon = sentimentByLanguage.get(language);
        if (lexicon != null) {
            var result = lexicon.analyse(employeesOwn);
            sentiment = result.sentiment();
            score = result.score();
        }
        return new AnswerInsight(sentiment, score, themes(employeesOwn, language));
    }

    /**
     * The themes {@code text} mentions, by the same phrases as the analysis, the one mentioned first first: what
     * the conversation probes while the LLM is unavailable.
     */
    public List<Theme> themesMentioned(String text, String locale) {
        var phrases = phrasesByLanguage.getOrDefault(language(locale), Map.of());
        String employeesOwn = InjectedInstructions.masked(text);
        var firstMention = new EnumMap<Theme, Integer>(Theme.class);
        phrases.forEach((theme, patterns) -> {
            for (Pattern pattern : patterns) {
                Matcher matcher = pattern.matcher(employeesOwn);
                if (matcher.find()) {
                    firstMention.merge(theme, matcher.start(), Math::min);
                }
            }
        });
        return firstMention.entrySet().stream()
                .sorted(Map.Entry.comparingByValue())
                .map(Map.Entry::getKey)
                .toList();
    }

    private List<ThemeEvidence> themes(String text, String language) {
        var phrases = phrasesByLanguage.getOrDefault(language, Map.of());
        var found = new ArrayList<ThemeEvidence>();
        phrases.forEach((theme, patterns) -> {
            for (Pattern pattern : patterns) {
                Matcher matcher = pattern.matcher(text);
                if (matcher.find()) {
                    found.add(new ThemeEvidence(theme, sentenceAround(text, matcher.start(), language)));
                    return;
                }
            }
        });
        return found;
    }

    private static String sentenceAround(String text, int position, String language) {
        BreakIterator sentences = BreakIterator.getSentenceInstance(Locale.forLanguageTag(language));
        sentences.setText(text);
        int end = sentences.following(position);
        int start = sentences.previous();
        return text.substring(start, end == BreakIterator.DONE ? text.length() : end).strip();
    }

    private static String language(String locale) {
        return locale == null ? "en" : Locale.forLanguageTag(locale).getLanguage();
    }

    private static Map<String, Map<Theme, List<Pattern>>> loadPhrases(ObjectMapper objectMapper) {
        Map<String, Object> raw;
        try (InputStream in = new ClassPathResource("analysis/theme-keywords.json").getInputStream()) {
            raw = objectMapper.readValue(in, new TypeReference<>() {
            });
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        var result = new HashMap<String, Map<Theme, List<Pattern>>>();
        raw.forEach((language, themes) -> {
            if (language.startsWith("_")) {
                return;
            }
            var byTheme = new EnumMap<Theme, List<Pattern>>(Theme.class);
            objectMapper.convertValue(themes, new TypeReference<Map<String, List<String>>>() {
            }).forEach((code, list) -> byTheme.put(Theme.valueOf(code.toUpperCase(Locale.ROOT)),
                    list.stream().map(FallbackAnalyzer::phrasePattern).toList()));
            result.put(language, byTheme);
        });
        return result;
    }

    private static Pattern phrasePattern(String phrase) {
        boolean wholeWord = phrase.endsWith("$");
        String body = Pattern.quote(wholeWord ? phrase.substring(0, phrase.length() - 1) : phrase);
        return Pattern.compile("(?<![\\p{L}\\p{N}])" + body + (wholeWord ? "(?![\\p{L}\\p{N}])" : ""),
                Pattern.CASE_INSENSITIVE | Pattern.UNICODE_CASE);
    }
}

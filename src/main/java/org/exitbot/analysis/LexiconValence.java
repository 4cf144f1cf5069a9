package org.exitbot.analysis;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;
import org.exitbot.analysis.SentimentLexicon.Token;

/**
 * Valence of a part from a language's own lexicon, reckoned as VADER does: a word's valence, raised or lowered by an
 * intensifier up to three words before it, times -0.74 when negated, summed, with up to four exclamation marks
 * adding emphasis; after a contrasting conjunction at the start of the part the words count half as much again.
 * Lexicon entries of several words ("pas terrible", "im Stich gelassen") count as one. Unlike VADER a word is
 * negated once however many negators point at it, since French and Spanish negate with two ("ne ... pas",
 * "no ... nada").
 */
final class LexiconValence implements Valence {

    private static final double NEGATED = -0.74;
    private static final double EXCLAMATION = 0.292;
    private static final int MAX_EXCLAMATIONS = 4;
    private static final double[] BOOSTER_DISTANCE = {1, 0.95, 0.9};
    private static final double AFTER_CONTRAST = 1.5;

    /** An entry of several words; one that holds a negator ("pas terrible") is negated already. */
    private record Phrase(List<String> words, double valence, boolean negated) {
    }

    private final SentimentLexicon lexicon;
    private final Stems<Double> words;
    private final List<Phrase> phrases;
    private final Map<String, Double> boosters;
    private final Set<String> negators;
    private final List<List<String>> notNegating;
    private final List<List<String>> contrast;

    LexiconValence(SentimentLexicon lexicon) {
        this.lexicon = lexicon;
        this.negators = Set.copyOf(lexicon.negation().words());
        var single = new HashMap<String, Double>();
        var several = new ArrayList<Phrase>();
        lexicon.words().forEach((entry, valence) -> {
            if (entry.contains(" ")) {
                List<String> phrase = lexicon.words(entry);
                several.add(new Phrase(phrase, valence, phrase.stream().anyMatch(negators::contains)));
            } else {
                single.put(entry, valence);
            }
        });
        several.sort(Comparator.comparingInt((Phrase p) -> p.words().size()).reversed());
        this.words = new Stems<>(single);
        this.phrases = List.copyOf(several);
        this.boosters = lexicon.boosters();
        // entries of several words are cut into words as the text is: "à l'écoute" is "à", "l'", "écoute"
        this.notNegating = lexicon.negation().except().stream().map(lexicon::words).toList();
        this.contrast = Stream.concat(lexicon.contrast().stream(), lexicon.contrastAtStart().stream())
                .map(lexicon::words).toList();
    }

    @Override
    public double of(String part) {
        List<Token> tokens = lexicon.tokens(part);
        int n = tokens.size();
        double[] valence = new double[n];
        boolean[] inPhrase = new boolean[n];
        boolean[] negatedAlready = new boolean[n];
        for (int i = 0; i < n; i++) {
            Phrase phrase = phraseAt(tokens, i);
            if (phrase != null) {
                valence[i] = phrase.valence();
                negatedAlready[i] = phrase.negated();
                for (int j = i; j < i + phrase.words().size(); j++) {
                    inPhrase[j] = true;
                }
                i += phrase.words().size() - 1;
            } else if (!boosters.containsKey(tokens.get(i).text()) && !negators.contains(tokens.get(i).text())) {
                valence[i] = words.find(tokens.get(i).text()).orElse(0.0);
            }
        }
        boolean[] negated = negated(tokens, valence, inPhrase);
        double sum = 0;
        for (int i = 0; i < n; i++) {
            if (valence[i] == 0) {
                continue;
            }
            double v = valence[i] + boost(tokens, i, valence[i]);
            sum += negated[i] && !negatedAlready[i] ? v * NEGATED : v;
        }
        if (contrast.stream().anyMatch(c -> matches(tokens, 0, c))) {
            sum *= AFTER_CONTRAST;
        }
        long exclamations = Math.min(MAX_EXCLAMATIONS, part.chars().filter(c -> c == '!').count());
        if (sum != 0) {
            sum += Math.signum(sum) * exclamations * EXCLAMATION;
        }
        return sum;
    }

    /** The longest phrase starting at {@code start}, or null. */
    private Phrase phraseAt(List<Token> tokens, int start) {
        for (Phrase phrase : phrases) {
            if (matches(tokens, start, phrase.words())) {
                return phrase;
            }
        }
        return null;
    }

    private static boolean matches(List<Token> tokens, int start, List<String> words) {
        if (start + words.size() > tokens.size()) {
            return false;
        }
        for (int k = 0; k < words.size(); k++) {
            if (!tokens.get(start + k).text().equals(words.get(k))) {
                return false;
            }
        }
        return true;
    }

    /** Which sentiment words a negator points at: the next in its clause, or else the nearest one before it. */
    private boolean[] negated(List<Token> tokens, double[] valence, boolean[] inPhrase) {
        int n = tokens.size();
        boolean[] negated = new boolean[n];
        var rule = lexicon.negation();
        for (int i = 0; i < n; i++) {
            if (inPhrase[i] || !negators.contains(tokens.get(i).text()) || exempt(tokens, i)) {
                continue;
            }
            int clause = tokens.get(i).clause();
            int target = -1;
            for (int j = i + 1; j <= Math.min(n - 1, i + rule.window()) && tokens.get(j).clause() == clause; j++) {
                if (valence[j] != 0) {
                    target = j;
                    break;
                }
            }
            for (int j = i - 1; target < 0 && j >= Math.max(0, i - rule.after()) && tokens.get(j).clause() == clause; j--) {
                if (valence[j] != 0) {
                    target = j;
                }
            }
            if (target >= 0) {
                negated[target] = true;
            }
        }
        return negated;
    }

    /** A negator inside a phrase that does not negate ("nicht nur", "sin duda", "un peu"). */
    private boolean exempt(List<Token> tokens, int i) {
        String word = tokens.get(i).text();
        for (List<String> phrase : notNegating) {
            for (int k = 0; k < phrase.size(); k++) {
                if (phrase.get(k).equals(word) && i - k >= 0 && matches(tokens, i - k, phrase)) {
                    return true;
                }
            }
        }
        return false;
    }

    /** What intensifiers up to three words before a sentiment word add to it, in the direction of its valence. */
    private double boost(List<Token> tokens, int i, double valence) {
        double boost = 0;
        for (int d = 1; d <= BOOSTER_DISTANCE.length && i - d >= 0; d++) {
            Token before = tokens.get(i - d);
            if (before.clause() != tokens.get(i).clause()) {
                break;
            }
            Double booster = boosters.get(before.text());
            if (booster != null) {
                boost += Math.signum(valence) * booster * BOOSTER_DISTANCE[d - 1];
            }
        }
        return boost;
    }
}
